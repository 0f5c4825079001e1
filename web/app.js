// The search page: search as you type, facets, critic filter, sort and paging, all kept in the URL.
import { ApiError, getJson } from './api.js';
import { criticAutocomplete } from './autocomplete.js';
import {
  card, chip, didYouMeanLine, emptyNotice, errorNotice, expansionsLine, relaxedLine, suggestedFilterButtons,
  timedOutNotice, warningsList,
} from './render.js';
import { SENTIMENTS, apiParams, completing, fromUrl, lastWord, toUrl, wordsOf } from './state.js';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 120;
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

const actions = {
  addCritic: name => change(s => { if (!s.critic.includes(name)) s.critic.push(name); }),
  removeCritic: name => change(s => { s.critic = s.critic.filter(c => c !== name); }),
  addWork: work => change(s => { if (!s.work.includes(work)) s.work.push(work); }),
  removeWork: work => change(s => { s.work = s.work.filter(w => w !== work); }),
  removePublication: pub => change(s => { s.publication = s.publication.filter(p => p !== pub); }),
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

function focusBox() {
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

function change(mutate, { push = true } = {}) {
  const next = structuredClone(state);
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
  chips.replaceChildren(
    ...state.critic.map(c => chip('critic', c, () => actions.removeCritic(c))),
    ...state.work.map(w => chip('work', w, () => actions.removeWork(w))),
    ...state.publication.map(p => chip('publication', p, () => actions.removePublication(p))));
  document.title = state.q ? `${state.q} — pullquote` : 'pullquote — search critic reviews';
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
  try {
    const asked = state;
    const signal = controller.signal;
    let body;
    let q = asked.q;
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
    sentQ = q;
    render(body, append, asked);
  } catch (e) {
    if (e.name === 'AbortError' || mine !== ticket) return;
    if (!append) results.replaceChildren(); // "More" failing leaves the results already shown
    more.hidden = true;
    if (!append) { status.textContent = ''; showForgiving(null); }
    notice.replaceChildren(errorNotice(e instanceof ApiError ? e.message : 'Something went wrong.'));
    const opening = e instanceof ApiError && e.body?.error?.code === 'index_unavailable';
    if (opening && e.retryAfter && retries < MAX_RETRIES) {
      // unless another search has started meanwhile
      setTimeout(() => { if (mine === ticket) search({ append, retries: retries + 1 }); }, e.retryAfter * 1000);
    }
  } finally {
    if (mine === ticket) results.removeAttribute('aria-busy');
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
  const cards = body.hits.map(hit => card(hit, actions));
  if (append) results.append(...cards); else results.replaceChildren(...cards);
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
  typingTimer = setTimeout(() => change(s => { s.q = input.value; }, { push: false }), TYPING_DELAY_MS);
});
$('search-form').addEventListener('submit', e => {
  e.preventDefault();
  clearTimeout(typingTimer);
  change(s => { s.q = input.value; });
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

showControls();
search();
