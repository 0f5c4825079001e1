// The search page: search as you type, facets, critic filter, sort and paging, all kept in the URL.
import { ApiError, getJson } from './api.js';
import { criticAutocomplete } from './autocomplete.js';
import {
  card, chip, didYouMeanLine, emptyNotice, errorNotice, expansionsLine, relaxedLine, suggestedFilterButtons,
  timedOutNotice, warningsList,
} from './render.js';
import { SENTIMENTS, apiParams, completing, fromUrl, lastWord, toUrl, wordsOf } from './state.js';
import { chosen, histogram, scoreBins, sentimentBar, topList, yearBins } from './charts.js';
import { criticSummary, criticView, workSummary, workView } from './profile.js';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 120;
// A search slower than this dims the old results and shows a spinner; a faster one never flickers.
const LOADING_AFTER_MS = 150;
// Typing that pauses this long has settled: the next keystroke starts a new history entry.
const SETTLED_MS = 1000;
// An index still opening (or not yet built) answers 503 index_unavailable with Retry-After: ask
// again, for a while. An overloaded server says the same, but every open page asking again at once
// would keep it so: that one waits for the reader.
const MAX_RETRIES = 60;

const $ = id => document.getElementById(id);
const input = $('q');
const results = $('results');
const status = $('status');
const notice = $('notice');
const forgiving = $('forgiving');
const more = $('more');
const sortSelect = $('sort');
const chips = $('chips');
const toggles = [...document.querySelectorAll('#sentiment-facet input')];

let state = fromUrl(location.search);
let ticket = 0;
let controller = null;
let nextCursor = null;
let sentQ = ''; // the box as the shown answer searched it: its cursor pages on that
let forgivingShown = null; // what #forgiving says, so an unchanged answer is not announced again
let typingTimer = null;
let typingSince = 0; // when the box's current history entry was pushed; 0 when none is open

// Where focus goes once the next answer is shown: a name clicked in a card is replaced by the
// same name in the new cards (or its chip), so a keyboard user stays where they were.
let focusNext = null;

const actions = {
  addCritic: name => change(s => { if (!s.critic.includes(name)) s.critic.push(name); }),
  removeCritic: name => change(s => { s.critic = s.critic.filter(c => c !== name); }),
  addWork: work => change(s => { if (!s.work.includes(work)) s.work.push(work); }),
  removeWork: work => change(s => { s.work = s.work.filter(w => w !== work); }),
  removePublication: pub => change(s => { s.publication = s.publication.filter(p => p !== pub); }),
  addPublication: pub => change(s => { if (!s.publication.includes(pub)) s.publication.push(pub); }),
  setScores: (lo, hi) => change(s => { s.minScore = String(lo); s.maxScore = String(hi); }),
  clearScores: () => change(s => { s.minScore = ''; s.maxScore = ''; }),
  setYears: (first, last) => change(s => { s.from = `${first}-01-01`; s.to = `${last}-12-31`; }),
  clearDates: () => change(s => { s.from = ''; s.to = ''; }),
  openProfile: (view, name) => {
    change(s => { s.view = view; s.name = name; }, { keepView: true });
    window.scrollTo(0, 0);
  },
  clearFilters: () => change(s => {
    Object.assign(s, { sentiment: [], critic: [], work: [], publication: [], from: '', to: '', minScore: '', maxScore: '' });
  }),
  clearSentiment: () => change(s => { s.sentiment = []; }),
  // A name the whole box was: the reader wanted its reviews, not reviews mentioning it.
  filterOn: (kind, name) => {
    clearTimeout(typingTimer);
    change(s => { s.q = ''; if (!s[kind].includes(name)) s[kind].push(name); });
    focusBox();
  },
  searchFor: q => {
    clearTimeout(typingTimer);
    change(s => { s.q = q; });
    focusBox();
  },
};

// A name clicked in a card: filter on it, and keep focus on that name in the new answer.
const cardActions = {
  addCritic: name => { focusNext = [`.critic[data-name="${CSS.escape(name)}"]`, '.chip[data-kind="critic"] button']; actions.addCritic(name); },
  addWork: work => { focusNext = [`.work[data-name="${CSS.escape(work)}"]`, '.chip[data-kind="work"] button']; actions.addWork(work); },
};

function focusBox() {
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

function change(mutate, { push = true, keepView = false } = {}) {
  const next = structuredClone(state);
  if (!keepView) { next.view = ''; next.name = ''; } // a search or a filter leaves a profile
  mutate(next);
  state = next;
  const url = toUrl(state);
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  showControls();
  search();
}

function showControls() {
  if (document.activeElement !== input || input.value !== state.q) input.value = state.q;
  sortSelect.value = [...sortSelect.options].some(o => o.value === state.sort) ? state.sort : 'relevance';
  toggles.forEach(t => { t.checked = state.sentiment.includes(t.value); });
  const all = [
    ...state.critic.map(c => ['critic', c, () => actions.removeCritic(c)]),
    ...state.work.map(w => ['work', w, () => actions.removeWork(w)]),
    ...state.publication.map(p => ['publication', p, () => actions.removePublication(p)]),
    ...(state.minScore || state.maxScore ? [['score', scoreLabel(state), actions.clearScores]] : []),
    ...(state.from || state.to ? [['date', dateLabel(state), actions.clearDates]] : []),
  ];
  // A removed chip's place goes to the chip after it (or before it), else the box: never <body>.
  chips.replaceChildren(...all.map(([kind, value, remove], i) => chip(kind, value, () => {
    remove();
    const left = chips.querySelectorAll('button');
    (left[Math.min(i, left.length - 1)] || input).focus();
  })));
  document.title = state.q ? `${state.q} — pullquote` : 'pullquote — search critic reviews';
  const active = state.sentiment.length + state.critic.length + state.work.length + state.publication.length +
    (state.minScore || state.maxScore ? 1 : 0) + (state.from || state.to ? 1 : 0);
  $('filters-toggle').textContent = active ? `Filters (${active})` : 'Filters';
}

function scoreLabel(s) {
  return `${s.minScore || 0}–${s.maxScore || 100}`;
}

// "2001–2003" when the range is whole years, as the year chart makes it; else the days.
function dateLabel(s) {
  const from = /^(\d{4})-01-01$/.exec(s.from);
  const to = /^(\d{4})-12-31$/.exec(s.to);
  if (from && to) return from[1] === to[1] ? from[1] : `${from[1]}–${to[1]}`;
  return s.from && s.to ? `${s.from} to ${s.to}` : s.from ? `from ${s.from}` : `to ${s.to}`;
}

function openQuote(q) {
  return ((q.match(/["“”]/g) || []).length % 2) === 1;
}

function anyFilter(s) {
  return s.sentiment.length || s.critic.length || s.work.length || s.publication.length ||
    s.from || s.to || s.minScore || s.maxScore;
}

const profileArea = $('profile-area');
const profileActions = {
  open: (view, name) => actions.openProfile(view, name),
  filterCritic: name => change(s => { s.q = ''; s.critic = [name]; }),
  filterWork: title => change(s => { s.q = ''; s.work = [title]; }),
  // The critic's works in another order: asked again, shown in place, focus kept on the order.
  resort: async sort => {
    try {
      const params = new URLSearchParams({ sort });
      const body = await getJson('/api/critics/' + encodeURIComponent(state.name), params);
      profileArea.replaceChildren(criticView(body, profileActions, sort));
      $('works-sort').focus();
    } catch (e) {
      notice.replaceChildren(errorNotice(e instanceof ApiError ? e.message : 'Something went wrong.'));
    }
  },
};

// A profile as the page: the search's results, counts and charts step aside for it.
async function showProfile(asked, mine, signal) {
  const path = asked.view === 'critic' ? '/api/critics/' : '/api/works/';
  const body = await getJson(path + encodeURIComponent(asked.name), new URLSearchParams(), signal);
  if (mine !== ticket) return;
  results.replaceChildren();
  more.hidden = true;
  status.textContent = asked.view === 'critic' ? 'Critic profile' : 'Work profile';
  notice.replaceChildren();
  showForgiving(null);
  profileArea.replaceChildren(asked.view === 'critic' ? criticView(body, profileActions) : workView(body, profileActions));
  document.title = `${asked.name} — pullquote`;
}

// Filtered to one critic or one work: their figures in a line above the results.
async function showSummary(asked, signal) {
  const one = asked.critic.length === 1 && !asked.work.length ? ['critic', asked.critic[0]]
    : asked.work.length === 1 && !asked.critic.length ? ['work', asked.work[0]] : null;
  if (!one) { profileArea.replaceChildren(); return; }
  try {
    const body = await getJson((one[0] === 'critic' ? '/api/critics/' : '/api/works/') + encodeURIComponent(one[1]),
      new URLSearchParams(), signal);
    if (state !== asked) return;
    profileArea.replaceChildren(one[0] === 'critic' ? criticSummary(body, profileActions.open) : workSummary(body, profileActions.open));
  } catch (e) {
    if (e.name !== 'AbortError') profileArea.replaceChildren(); // a summary is extra: no error for it
  }
}

async function search({ append = false, retries = 0 } = {}) {
  if (!append) {
    // The old page's cursor belongs to the old query; "More" must wait for the new answer.
    nextCursor = null;
    more.hidden = true;
  }
  const mine = ++ticket;
  if (controller) controller.abort();
  controller = new AbortController();
  results.setAttribute('aria-busy', 'true');
  const loading = setTimeout(() => { if (mine === ticket) $('main').classList.add('loading'); }, LOADING_AFTER_MS);
  try {
    const asked = state;
    const signal = controller.signal;
    let body;
    let q = asked.q;
    if (asked.view && !append) {
      await showProfile(asked, mine, signal);
      return;
    }
    if (!append) showSummary(asked, signal);
    if (append) {
      q = sentQ;
      body = await getJson('/api/search', apiParams(asked, nextCursor, PAGE_SIZE, q), signal);
    } else {
      body = await getJson('/api/search', apiParams(asked, null, PAGE_SIZE), signal);
      const prefix = completing(asked.q);
      if (prefix && mine === ticket && mayBeUnfinished(body, asked.q)) {
        const completed = await completion(apiParams(asked, null, PAGE_SIZE, prefix), signal);
        if (completed && completed.total > 0 && !completed.relaxed) {
          body = completed;
          q = prefix;
        }
      }
    }
    if (mine !== ticket) return; // a newer search has started: never show an older answer
    // A quote still being typed finds nothing yet: keep what is shown rather than flash "No reviews".
    if (!append && body.total === 0 && openQuote(asked.q) && results.children.length) return;
    sentQ = q;
    render(body, append, asked);
  } catch (e) {
    if (e.name === 'AbortError' || mine !== ticket) return;
    if (!append) results.replaceChildren(); // "More" failing leaves the results already shown
    more.hidden = true;
    if (!append) { status.textContent = ''; showForgiving(null); }
    notice.replaceChildren(errorNotice(e instanceof ApiError ? e.message : 'Something went wrong.',
      anyFilter(state) ? actions.clearFilters : null));
    const opening = e instanceof ApiError && e.body?.error?.code === 'index_unavailable';
    if (opening && e.retryAfter && retries < MAX_RETRIES) {
      // unless another search has started meanwhile
      setTimeout(() => { if (mine === ticket) search({ append, retries: retries + 1 }); }, e.retryAfter * 1000);
    }
  } finally {
    clearTimeout(loading);
    if (mine === ticket) {
      results.removeAttribute('aria-busy');
      $('main').classList.remove('loading');
    }
  }
}

// The words as typed found nothing, not all of them, or the last one is unknown: it may be a word
// still being typed, so the page asks again with it as a prefix.
function mayBeUnfinished(body, q) {
  if (body.timed_out) return false;
  if (body.total === 0 || body.relaxed) return true;
  const last = lastWord(q);
  return Boolean(body.did_you_mean && last && !wordsOf(body.did_you_mean).includes(last));
}

// The prefix search's answer, or null when it fails: the words as typed then answer.
async function completion(params, signal) {
  try {
    return await getJson('/api/search', params, signal);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    return null;
  }
}

function render(body, append, asked) {
  nextCursor = body.next_cursor;
  const cards = body.hits.map(hit => card(hit, cardActions));
  if (append) results.append(...cards); else results.replaceChildren(...cards);
  if (focusNext) {
    const [selector, fallback] = focusNext;
    focusNext = null;
    (results.querySelector(selector) || chips.querySelector(fallback) || input).focus();
  }
  if (append && cards.length && document.activeElement === more) {
    // Keep keyboard users where they were reading: on the first new result, not on <body>.
    cards[0].tabIndex = -1;
    cards[0].focus();
  }
  more.hidden = !nextCursor;
  // A search that ran out of time before counting has no facets: show that, not zeros.
  const counts = body.facets?.sentiment;
  for (const s of SENTIMENTS) {
    document.querySelector(`[data-count="${s}"]`).textContent = counts ? (counts[s] ?? 0).toLocaleString('en') : '–';
  }
  if (!append) showSpread(body.facets, asked);
  const shown = results.children.length;
  status.textContent = body.total === 0 ? '' :
    (body.timed_out ? 'at least ' : '') +
    `${body.total.toLocaleString('en')} review${body.total === 1 ? '' : 's'}` +
    (shown < body.total ? ` · showing ${shown}` : '');
  // Later pages answer the same search: what it said above the results still holds.
  const suggestion = !append && body.did_you_mean ? didYouMeanLine(body.did_you_mean, asked.q,
    toUrl({ ...asked, q: body.did_you_mean }), actions.searchFor) : null;
  notice.replaceChildren();
  if (body.total === 0) notice.append(emptyNotice(asked, body.warnings, actions, suggestion));
  else warningsList(body.warnings, notice);
  if (body.timed_out) notice.append(timedOutNotice());
  if (!append) showForgiving(body, asked, body.total === 0 ? null : suggestion);
}

// The pictures of the spread and the top names, from the answer's facets (none when it ran out of
// time before counting: the charts are then left empty rather than drawn from nothing).
function showSpread(facets, asked) {
  $('spread').replaceChildren(sentimentBar(facets?.sentiment));
  if (!facets) { $('charts').replaceChildren(); $('tops').replaceChildren(); return; }
  const scores = scoreBins(facets.score);
  const years = yearBins(facets.year);
  const num = v => (v === '' ? null : Number(v));
  const year = d => (d ? Number(d.slice(0, 4)) : null);
  $('charts').replaceChildren(
    histogram({
      id: 'score-chart', title: 'Score', unit: 'Score', bins: scores,
      picked: chosen(scores, num(asked.minScore), num(asked.maxScore)),
      onRange: (a, b) => actions.setScores(scores[a].lo, scores[b].hi), onClear: actions.clearScores,
    }),
    histogram({
      id: 'year-chart', title: 'Year', unit: 'Year', bins: years,
      picked: chosen(years, year(asked.from), year(asked.to)),
      onRange: (a, b) => actions.setYears(years[a].lo, years[b].hi), onClear: actions.clearDates,
    }));
  $('tops').replaceChildren(
    topList({ id: 'top-critics', title: 'Top critics', kind: 'critic', values: facets.critic, active: asked.critic, onPick: actions.addCritic }),
    topList({ id: 'top-publications', title: 'Top publications', kind: 'publication', values: facets.publication, active: asked.publication, onPick: actions.addPublication }),
    topList({ id: 'top-works', title: 'Top works', kind: 'work', values: facets.work, active: asked.work, onPick: actions.addWork }));
}

// Above the results: the did-you-mean (unless the empty notice has it), how the search was relaxed,
// names the box may have meant, and other forms the words matched.
function showForgiving(body, asked, suggestion) {
  const said = body && JSON.stringify([asked.q, body.total === 0, body.did_you_mean, body.relaxed,
    body.suggested_filters, body.expansions, toUrl(asked)]);
  if (said === forgivingShown) return;
  forgivingShown = said;
  if (!body) { forgiving.replaceChildren(); return; }
  forgiving.replaceChildren(...[
    suggestion,
    body.relaxed ? relaxedLine(body.relaxed, asked.q) : null,
    suggestedFilterButtons(body.suggested_filters, actions.filterOn),
    expansionsLine(body.expansions, body.did_you_mean),
  ].filter(Boolean));
}

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  // One history entry per typed query: the first keystroke after a pause pushes one, the rest of
  // the typing replaces it, so Back returns to the search before it, not to each letter.
  const push = Date.now() - typingSince > SETTLED_MS;
  typingTimer = setTimeout(() => {
    change(s => { s.q = input.value; }, { push });
    typingSince = Date.now();
  }, TYPING_DELAY_MS);
});
$('search-form').addEventListener('submit', e => {
  e.preventDefault();
  clearTimeout(typingTimer);
  change(s => { s.q = input.value; }, { push: input.value !== state.q });
  typingSince = 0;
});
input.addEventListener('keydown', e => {
  if (e.key === 'Escape') {
    e.preventDefault();
    clearTimeout(typingTimer);
    input.value = '';
    change(s => { s.q = ''; });
  }
});
toggles.forEach(t => t.addEventListener('change', () =>
  change(s => { s.sentiment = toggles.filter(x => x.checked).map(x => x.value); })));
sortSelect.addEventListener('change', () => change(s => { s.sort = sortSelect.value; }));
more.addEventListener('click', () => search({ append: true }));
document.addEventListener('keydown', e => {
  const typing = e.target.closest && e.target.closest('input, textarea, select');
  if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    input.focus();
    input.select();
  }
});
window.addEventListener('popstate', () => {
  state = fromUrl(location.search);
  showControls();
  search();
});
criticAutocomplete($('critic-input'), $('critic-options'), actions.addCritic);
// On a phone the filters fold away behind one button, so the first result is near the top.
$('filters-toggle').addEventListener('click', () => {
  const open = $('filters').classList.toggle('open');
  $('filters-toggle').setAttribute('aria-expanded', String(open));
});

showControls();
search();
