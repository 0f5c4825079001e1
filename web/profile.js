// Critic and work profiles: a summary above the results when the search is filtered to one
// critic or one work, and the whole profile as a view of its own.
import { histogram, scoreBins, sentimentBar } from './charts.js';
import { el } from './render.js';

const NUMBER = new Intl.NumberFormat('en');

function signed(points) {
  return (points > 0 ? '+' : points < 0 ? '−' : '') + Math.abs(points).toFixed(1);
}

function generosityText(g) {
  if (g.points == null) return 'No work another critic scored too.';
  const way = g.points > 0 ? 'above' : g.points < 0 ? 'below' : 'level with';
  return `${signed(g.points)} points ${way} the other critics of the same works (${NUMBER.format(g.works)} works).`;
}

function agreementText(a) {
  if (a.share == null) return `No work with ${a.min_others} other critics.`;
  return `${Math.round(a.share * 100)}% on the side of most other critics (${NUMBER.format(a.works)} works with ${a.min_others} or more others).`;
}

function mix(s) {
  return `▲ ${NUMBER.format(s.positive)} · ◆ ${NUMBER.format(s.mixed)} · ▼ ${NUMBER.format(s.negative)}`;
}

function link(view, name, text, onOpen) {
  const params = new URLSearchParams({ view, name });
  const a = el('a', { href: `?${params}`, class: 'profile-link' }, text);
  a.addEventListener('click', e => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onOpen(view, name);
  });
  return a;
}

// One line of figures above results filtered to one critic, with the way to the whole profile.
export function criticSummary(p, onOpen) {
  return el('section', { class: 'profile-summary', id: 'profile-summary', 'aria-label': `About ${p.name}` },
    el('p', {}, el('strong', {}, p.name), ` · ${NUMBER.format(p.reviews)} review${p.reviews === 1 ? '' : 's'}`,
      p.first_year ? ` · ${p.first_year}–${p.last_year}` : '',
      p.generosity.points != null ? ` · generosity ${signed(p.generosity.points)}` : '',
      p.agreement.share != null ? ` · agrees ${Math.round(p.agreement.share * 100)}%` : '', ' · ',
      link('critic', p.name, 'Critic profile', onOpen)));
}

export function workSummary(p, onOpen) {
  return el('section', { class: 'profile-summary', id: 'profile-summary', 'aria-label': `About ${p.title}` },
    el('p', {}, el('strong', {}, p.title), ` · ${p.verdict.label}`,
      p.verdict.figure != null ? ` (${p.verdict.figure})` : '', ` · ${NUMBER.format(p.reviews)} reviews · `,
      link('work', p.title, 'Work profile', onOpen)));
}

function reviewLine(hit) {
  return el('li', {}, el('span', { class: 'grade' }, hit.score_raw || String(hit.score ?? '–')), ' ',
    el('strong', {}, hit.work), ' — ', el('q', {}, hit.text));
}

function scoreChart(p) {
  return histogram({ id: 'profile-score', title: 'Scores', unit: 'Score', bins: scoreBins(p.score), picked: [],
    onRange: () => {}, onClear: () => {} });
}

// The whole critic profile. actions.filterCritic lists the critic's reviews.
function worksSort(sort, onChange) {
  const select = el('select', { id: 'works-sort', 'aria-label': 'Order the works by' },
    ...[['score', 'Highest score'], ['date', 'Newest'], ['work', 'Title']].map(([value, label]) =>
      el('option', value === sort ? { value, selected: 'selected' } : { value }, label)));
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

export function criticView(p, actions, sort = 'score') {
  const works = p.works.map(w => el('tr', {},
    el('td', { class: 'num' }, w.score_raw || (w.score ?? '–')), el('td', {}, w.sentiment),
    el('td', {}, link('work', w.work, w.work, actions.open)), el('td', {}, w.date || '')));
  return el('article', { class: 'profile', id: 'profile', 'aria-labelledby': 'profile-title' },
    el('h2', { id: 'profile-title' }, p.name),
    el('p', { class: 'lede' }, `${NUMBER.format(p.reviews)} review${p.reviews === 1 ? '' : 's'}`,
      p.first_year ? `, ${p.first_year}–${p.last_year}` : '',
      p.publications.length ? ` · ${p.publications.slice(0, 3).map(v => v.value).join(', ')}` : ''),
    el('div', { class: 'profile-figures' },
      el('section', {}, el('h3', {}, 'Generosity'), el('p', { id: 'generosity' }, generosityText(p.generosity))),
      el('section', {}, el('h3', {}, 'Agreement'), el('p', { id: 'agreement' }, agreementText(p.agreement))),
      el('section', {}, el('h3', {}, 'Sentiment'), sentimentBar(p.sentiment), el('p', {}, mix(p.sentiment))),
      el('section', {}, scoreChart(p),
        el('p', {}, p.mean_score != null ? `Mean ${p.mean_score} over ${NUMBER.format(p.scored)} scored` : 'No scores'))),
    p.most_favourable.length ? el('section', {}, el('h3', {}, 'Most favourable'), el('ul', { class: 'quotes' }, ...p.most_favourable.map(reviewLine))) : null,
    p.harshest.length ? el('section', {}, el('h3', {}, 'Harshest'), el('ul', { class: 'quotes' }, ...p.harshest.map(reviewLine))) : null,
    el('section', {}, el('h3', {}, 'Works reviewed'),
      el('p', { class: 'works-tools' },
        el('button', { type: 'button', class: 'link', onclick: () => actions.filterCritic(p.name) }, `Search ${p.name}'s reviews`),
        worksSort(sort, actions.resort)),
      el('table', { class: 'works' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Score'), el('th', { scope: 'col' }, 'Sentiment'),
          el('th', { scope: 'col' }, 'Work'), el('th', { scope: 'col' }, 'Date'))),
        el('tbody', {}, ...works))));
}

// Metacritic's colours: green from 61, yellow from 40, red below.
function band(figure) {
  return figure >= 61 ? 'positive' : figure >= 40 ? 'mixed' : 'negative';
}

function quote(q) {
  return el('li', {}, el('q', {}, q.sentence),
    el('small', {}, ` — ${q.critic || 'Uncredited'}${q.score_raw ? `, ${q.score_raw}` : ''}; the text model is ${Math.round(q.confidence * 100)}% sure` +
      (q.evidence.length ? ` (${q.evidence.join(', ')})` : '')));
}

export function workView(p, actions) {
  const critics = p.critics.map(c => el('tr', {},
    el('td', { class: 'num' }, c.score_raw || (c.score ?? '–')), el('td', {}, c.sentiment),
    el('td', {}, c.critic ? link('critic', c.critic, c.critic, actions.open) : 'Uncredited'),
    el('td', {}, c.publication || '')));
  return el('article', { class: 'profile', id: 'profile', 'aria-labelledby': 'profile-title' },
    el('h2', { id: 'profile-title' }, p.title),
    el('p', { class: 'verdict', id: 'verdict' }, el('strong', {}, p.verdict.label),
      p.verdict.figure != null ? el('span', { class: `figure ${band(p.verdict.figure)}` }, String(p.verdict.figure)) : null,
      ` – based on ${NUMBER.format(p.verdict.based_on)} ${p.verdict.from === 'scores' ? 'scored reviews' : 'critics'}`),
    el('div', { class: 'profile-figures' },
      el('section', {}, el('h3', {}, 'Sentiment'), sentimentBar(p.sentiment), el('p', {}, mix(p.sentiment))),
      el('section', {}, scoreChart(p),
        el('p', {}, p.mean_score != null ? `Mean ${p.mean_score} over ${NUMBER.format(p.scored)} scored` : 'No scores'))),
    p.positive_quotes.length ? el('section', {}, el('h3', {}, 'Positive pull quotes'), el('ul', { class: 'quotes', id: 'positive-quotes' }, ...p.positive_quotes.map(quote))) : null,
    p.negative_quotes.length ? el('section', {}, el('h3', {}, 'Negative pull quotes'), el('ul', { class: 'quotes', id: 'negative-quotes' }, ...p.negative_quotes.map(quote))) : null,
    el('section', {}, el('h3', {}, 'Critics'),
      el('p', {}, el('button', { type: 'button', class: 'link', onclick: () => actions.filterWork(p.title) }, `Search the reviews of ${p.title}`)),
      el('table', { class: 'works' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Score'), el('th', { scope: 'col' }, 'Sentiment'),
          el('th', { scope: 'col' }, 'Critic'), el('th', { scope: 'col' }, 'Publication'))),
        el('tbody', {}, ...critics))));
}
