// Builds the results with DOM nodes and text only: review text is never parsed as HTML.
import { wordsOf } from './state.js';

const SOURCE_TEXT = {
  score: 'from its score',
  label: 'from its fresh/rotten label',
  page: "from the page's score distribution",
  model: 'guessed from its words by the text model',
  'model:transformer': 'guessed from its words by the text model and the transformer',
};
const ICON = { positive: '▲', mixed: '◆', negative: '▼' };

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    // Through the CSSOM, which the page's Content-Security-Policy allows; a style attribute it refuses.
    else if (k === 'style') Object.assign(node.style, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
}

export function textWithMarks(text, matches) {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const m of matches || []) {
    if (m.start < at || m.end > text.length) continue;
    frag.append(text.slice(at, m.start), el('mark', {}, text.slice(m.start, m.end)));
    at = m.end;
  }
  frag.append(text.slice(at));
  return frag;
}

function capitalised(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formatDate(iso) {
  const d = new Date(iso + 'T00:00:00Z');
  return isNaN(d) ? iso : d.toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function badge(hit, id) {
  const evidence = hit.sentiment_evidence && hit.sentiment_evidence.length
    ? ` because of ${hit.sentiment_evidence.map(e => `“${e}”`).join(', ')}` : '';
  const why = `${capitalised(hit.sentiment)}: ${SOURCE_TEXT[hit.sentiment_source] || hit.sentiment_source}` +
    (hit.sentiment_confidence != null ? ` (confidence ${Math.round(hit.sentiment_confidence * 100)}%)` : '') +
    evidence;
  return el('span', { class: `badge ${hit.sentiment}`, tabindex: '0', 'aria-describedby': id },
    el('span', { 'aria-hidden': 'true' }, ICON[hit.sentiment] || ''), capitalised(hit.sentiment),
    el('span', { class: 'tip', role: 'tooltip', id }, why));
}

export function card(hit, actions) {
  const critic = hit.critic
    ? el('button', { class: 'link critic', type: 'button', 'data-name': hit.critic, title: `Only reviews by ${hit.critic}`, onclick: () => actions.addCritic(hit.critic) }, hit.critic)
    : el('span', { class: 'critic uncredited' }, 'Uncredited');
  const work = el('button', { class: 'link work', type: 'button', 'data-name': hit.work, title: `Only reviews of ${hit.work}`, onclick: () => actions.addWork(hit.work) }, hit.work);
  const score = hit.score_raw
    ? el('span', { class: 'score', title: 'Score as published, and on a 0–100 scale' },
        hit.score_raw + (hit.score != null && String(hit.score) !== hit.score_raw ? ` · ${hit.score}/100` : hit.score != null ? '/100' : ''))
    : null;
  return el('li', { class: 'card', 'data-id': hit.id },
    el('p', { class: 'quote' }, textWithMarks(hit.text, hit.highlights && hit.highlights.matches)),
    el('div', { class: 'meta' },
      critic,
      hit.publication ? el('span', { class: 'publication' }, hit.publication) : null,
      work,
      hit.date ? el('time', { datetime: hit.date }, formatDate(hit.date)) : null,
      score,
      badge(hit, `why-${hit.id}`)));
}

export function chip(kind, value, onRemove) {
  const label = kind === 'critic' ? value : `${capitalised(kind)}: ${value}`;
  return el('li', { class: 'chip', 'data-kind': kind },
    el('span', {}, label),
    el('button', { type: 'button', 'aria-label': `Remove ${kind} ${value}`, onclick: onRemove }, '×'));
}

export function emptyNotice(state, warnings, actions, didYouMean = null) {
  const box = document.createDocumentFragment();
  box.append(el('p', {}, el('strong', {}, 'No reviews match.')), didYouMean);
  const tips = [];
  state.sentiment.length && tips.push(el('li', {}, el('button', { type: 'button', onclick: actions.clearSentiment }, 'Show every sentiment')));
  state.critic.forEach(c => tips.push(el('li', {}, el('button', { type: 'button', onclick: () => actions.removeCritic(c) }, `Search without critic ${c}`))));
  state.work.forEach(w => tips.push(el('li', {}, el('button', { type: 'button', onclick: () => actions.removeWork(w) }, `Search without work ${w}`))));
  state.publication.forEach(p => tips.push(el('li', {}, el('button', { type: 'button', onclick: () => actions.removePublication(p) }, `Search without publication ${p}`))));
  state.q && tips.push(el('li', {}, 'Try fewer or shorter words, or drop the quotes around a phrase.'));
  if (tips.length) box.append(el('ul', {}, ...tips));
  warningsList(warnings, box);
  return box;
}

export function timedOutNotice() {
  return el('p', { class: 'warning', id: 'timed-out' },
    'This search took too long and stopped early: these are the reviews it found in time, and the counts are incomplete. More specific words will help.');
}

export function warningsList(warnings, into) {
  if (warnings && warnings.length) {
    into.append(el('p', { class: 'warning' }, 'We read your query a little differently: ' + warnings.join('; ') + '.'));
  }
  return into;
}

// The failure, and a way out of it: a filter a link carried may be what the server refused.
export function errorNotice(message, onClearFilters = null) {
  return el('div', { role: 'alert' }, el('p', {}, el('strong', {}, 'Search failed. ')), el('p', {}, message),
    onClearFilters ? el('p', {}, el('button', { type: 'button', id: 'clear-filters', onclick: onClearFilters }, 'Search without filters')) : null);
}

export function option(critic, id) {
  const mix = critic.sentiment || {};
  return el('li', { role: 'option', id, 'aria-selected': 'false', 'data-name': critic.name },
    el('span', {}, critic.name),
    el('small', {}, `${critic.reviews} review${critic.reviews === 1 ? '' : 's'} · ▲${mix.positive || 0} ◆${mix.mixed || 0} ▼${mix.negative || 0}`));
}

// What the forgiving search box did, told in a few calm lines above the results.

const NUMBER = new Intl.NumberFormat('en');

// "Did you mean some cool-looking monsters?": a real link (a middle click opens it), the words that
// differ from the box emphasised. onFollow runs the search in place for a plain click.
export function didYouMeanLine(suggestion, typed, href, onFollow) {
  const typedWords = new Set(wordsOf(typed));
  const parts = suggestion.split(/(\s+)/).filter(Boolean).map(part =>
    /\S/.test(part) && wordsOf(part).some(w => !typedWords.has(w)) ? el('em', {}, part) : part);
  const link = el('a', { href }, ...parts);
  link.addEventListener('click', e => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onFollow(suggestion);
  });
  return el('p', { class: 'did-you-mean', id: 'did-you-mean' }, 'Did you mean ', link, '?');
}

// "No review has all of “drab hsts”; showing reviews with most of them. Not found anywhere: hsts."
export function relaxedLine(relaxed, typed) {
  const line = el('p', { class: 'relaxed-note', id: 'relaxed-note' },
    `No review has all of “${typed.trim()}”; showing reviews with most of them.`);
  const missing = wordsNotFound(relaxed);
  if (missing.length) line.append(` Not found anywhere: ${missing.map(w => typedForm(w, typed)).join(', ')}.`);
  return line;
}

// The words nothing in the index matches in any form, as the API names them apart.
function wordsNotFound(relaxed) {
  return relaxed.unknown || [];
}

// The word as the reader typed it ("Café" rather than the index's "cafe"), when it can be found.
function typedForm(word, typed) {
  for (const raw of typed.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’._]*/gu) || []) {
    const trimmed = raw.replace(/[.'’_]+$/, '');
    const folded = wordsOf(trimmed);
    if (folded.length === 1 && folded[0] === word) return trimmed;
  }
  return word;
}

const FILTER_KINDS = ['critic', 'work', 'publication'];

// The box is a critic's, a work's or a publication's name: one click lists its reviews.
export function suggestedFilterButtons(filters, onPick) {
  const items = [];
  for (const f of filters || []) {
    const kind = FILTER_KINDS.find(k => typeof f[k] === 'string');
    if (!kind) continue;
    const name = f[kind];
    const n = f.reviews;
    const one = n === 1;
    const count = NUMBER.format(n);
    const what = {
      critic: one ? ' is a critic — show their one review' : ` is a critic — show all ${count} of their reviews`,
      work: one ? ' is a work — show its one review' : ` is a work — show all ${count} reviews of it`,
      publication: one ? ' is a publication — show its one review' : ` is a publication — show its ${count} reviews`,
    }[kind];
    items.push(el('li', {}, el('button', {
      type: 'button', class: 'suggestion', 'data-kind': kind, onclick: () => onPick(kind, name),
    }, el('strong', {}, name), what)));
  }
  return items.length ? el('ul', { class: 'suggestions', id: 'suggested-filters', 'aria-label': 'Filters you may mean' }, ...items) : null;
}

// Other forms the words matched. A typo's neighbours are told only for a word the index does not
// have (one the did-you-mean corrected), never for a word typed right.
export function expansionsLine(expansions, didYouMean) {
  const corrected = didYouMean ? new Set(wordsOf(didYouMean)) : null;
  const also = (expansions || []).filter(e =>
    e.kind === 'synonym' || (e.kind === 'typo' && corrected && !corrected.has(e.word)));
  const spellings = (expansions || []).filter(e => e.kind === 'spelling');
  const parts = [];
  if (also.length) {
    parts.push(el('span', {}, 'Also matching: ' + also.map(e => `${e.forms.join(', ')} (for “${e.word}”)`).join('; ')));
  }
  if (spellings.length) {
    parts.push(el('span', {}, 'Including other spellings: ' + spellings.map(e => `${e.forms.join(', ')} (${e.word})`).join('; ')));
  }
  if (!parts.length) return null;
  const line = el('p', { class: 'expansions', id: 'expansions' }, parts[0]);
  if (parts[1]) line.append(' · ', parts[1]);
  return line;
}
