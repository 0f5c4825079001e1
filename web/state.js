// The page's whole state lives in the URL, so reload, back/forward and shared links all restore it.

export const SENTIMENTS = ['positive', 'mixed', 'negative'];

export function emptyState() {
  return {
    q: '', sentiment: [], critic: [], work: [], publication: [], sort: 'relevance',
    from: '', to: '', minScore: '', maxScore: '',
    view: '', name: '',
  };
}

export function fromUrl(search) {
  const p = new URLSearchParams(search);
  return {
    q: p.get('q') ?? '',
    sentiment: p.getAll('sentiment').filter(s => SENTIMENTS.includes(s)),
    critic: p.getAll('critic'),
    work: p.getAll('work'),
    publication: p.getAll('publication'),
    sort: normalSort(p.get('sort')),
    // Bounds come from the charts or a link; the API judges them, and a bad one can be removed.
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    minScore: p.get('min_score') ?? '',
    maxScore: p.get('max_score') ?? '',
    // A profile shown instead of results: view=critic|work and the name.
    view: ['critic', 'work'].includes(p.get('view')) && p.get('name') ? p.get('view') : '',
    name: p.get('name') ?? '',
  };
}

const SORTS = ['relevance', 'date:desc', 'date:asc', 'score:desc', 'score:asc'];

// "date" means "date:desc" to the API; anything the page cannot show becomes relevance.
function normalSort(sort) {
  if (!sort) return 'relevance';
  const full = sort.includes(':') || sort === 'relevance' ? sort : sort + ':desc';
  return SORTS.includes(full) ? full : 'relevance';
}

export function toUrl(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  state.sentiment.forEach(s => p.append('sentiment', s));
  state.critic.forEach(c => p.append('critic', c));
  state.work.forEach(w => p.append('work', w));
  state.publication.forEach(x => p.append('publication', x));
  if (state.sort && state.sort !== 'relevance') p.set('sort', state.sort);
  ranges(state, p);
  if (state.view) { p.set('view', state.view); p.set('name', state.name); }
  const s = p.toString();
  return s ? '?' + s : location.pathname;
}

// While the reader is still typing the last word, it may be the start of a longer one: when the
// words as typed find nothing (or not all of them), the page asks again with that word as a prefix,
// so results appear before the word is finished: "running out of opt" also finds "options".
// Returns that prefix query, or null when the box does not end in a word being typed.
export function completing(q) {
  const m = /(^|[\s(])(-?)((?:critic|publication|work):)?([\p{L}\p{N}][\p{L}\p{N}'’-]*)$/u.exec(q);
  if (!m || m[2] === '-' || inOpenQuote(q) || /^(OR|AND|NOT)$/.test(m[4])) return null;
  return q + '*';
}

// The word being typed at the end of the box, folded as the index folds words, or null.
export function lastWord(q) {
  if (completing(q) === null) return null;
  const words = wordsOf(q.slice(q.search(/\S+$/)));
  return words.length ? words[words.length - 1] : null;
}

// The words of a text as the index roughly cuts and folds them: lower case, accents and a
// possessive 's dropped; "cool-looking" is two words, "don't" one.
export function wordsOf(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'")
    .split(/[^\p{L}\p{N}'._]+/u)
    .map(w => w.replace(/^[.'_]+|[.'_]+$/g, '').replace(/'s$/, ''))
    .filter(Boolean);
}

// The plain words a search box requires at its top level, or null when it has operators,
// parentheses or phrases whose words the page cannot tell apart from them.
export function plainWords(q) {
  if (/[()]/.test(q) || /(^|\s)(OR|AND|NOT)(\s|$)/.test(q)) return null;
  const outsideQuotes = q.replace(/["“”][^"“”]*(["“”]|$)/g, ' ');
  const words = [];
  for (const token of outsideQuotes.split(/\s+/)) {
    if (!token || token.startsWith('-') || token.includes(':') || token.endsWith('*')) continue;
    words.push(...wordsOf(token));
  }
  return words;
}

function inOpenQuote(q) {
  return ((q.match(/["“”]/g) || []).length % 2) === 1;
}

// The API's parameters for the page's state; q is the box as sent (the box itself, or completing it).
export function apiParams(state, cursor, size, q = state.q) {
  const p = new URLSearchParams();
  if (q.trim()) p.set('q', q);
  state.sentiment.forEach(s => p.append('sentiment', s));
  state.critic.forEach(c => p.append('critic', c));
  state.work.forEach(w => p.append('work', w));
  state.publication.forEach(x => p.append('publication', x));
  if (state.sort && state.sort !== 'relevance') p.set('sort', state.sort);
  ranges(state, p);
  if (cursor) p.set('cursor', cursor);
  p.set('size', String(size));
  return p;
}

function ranges(state, p) {
  if (state.minScore) p.set('min_score', state.minScore);
  if (state.maxScore) p.set('max_score', state.maxScore);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
}
