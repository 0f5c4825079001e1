// Pictures of the spread: the sentiment bar, score and year histograms, and the top names. Drawn as
// HTML and CSS (each bar a button a keyboard reaches), no library: the page needs no build step.
import { el } from './render.js';

const NUMBER = new Intl.NumberFormat('en');

// A Metacritic-style bar: positive, mixed and negative as shares of the hits. The counts are read
// out by the toggles beside it, so the bar itself is a picture only.
export function sentimentBar(counts) {
  const total = counts ? counts.positive + counts.mixed + counts.negative : 0;
  const bar = el('div', { class: 'spread', 'aria-hidden': 'true' });
  if (!total) return bar;
  for (const s of ['positive', 'mixed', 'negative']) {
    if (counts[s]) bar.append(el('span', { class: `share ${s}`, style: { flexGrow: String(counts[s]) } }));
  }
  return bar;
}

// The score facet's ten buckets, "0" (0–9) to "90" (90–100), as bins.
export function scoreBins(counts) {
  return Object.entries(counts || {}).map(([key, count]) => {
    const lo = Number(key);
    const hi = lo === 90 ? 100 : lo + 9;
    return { lo, hi, count, label: `${lo}–${hi}`, axis: String(lo) };
  });
}

// The year facet's years as bins from the first year to the last, empty years included: one bin a
// year over up to 40 years, else five or ten years a bin, so a bar stays wide enough to click.
export function yearBins(counts) {
  const years = Object.keys(counts || {}).map(Number).filter(Number.isFinite);
  if (!years.length) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const width = last - first < 40 ? 1 : last - first < 200 ? 5 : 10;
  const bins = [];
  for (let lo = first - (first % width); lo <= last; lo += width) {
    const hi = lo + width - 1;
    let count = 0;
    for (let y = lo; y <= hi; y++) count += counts[y] ?? 0;
    const label = width === 1 ? String(lo) : `${lo}–${hi}`;
    bins.push({ lo, hi, count, label, axis: String(lo) });
  }
  return bins;
}

// The bins that overlap the chosen range [from, to] (either end may be open: null).
export function chosen(bins, from, to) {
  if (from == null && to == null) return [];
  return bins.map((b, i) => ((from == null || b.hi >= from) && (to == null || b.lo <= to) ? i : -1))
    .filter(i => i >= 0);
}

// A histogram of buttons. A click picks a bin; a second click on another bin makes the range
// between them, a click on the one bin picked clears it; dragging across bins picks their range.
// onRange(first, last) gets bin indexes; onClear() drops the range.
export function histogram({ id, title, unit, bins, picked, onRange, onClear }) {
  const max = Math.max(1, ...bins.map(b => b.count));
  let dragFrom = null;
  let dragged = false;
  const pick = i => {
    if (picked.length === 1 && picked[0] === i) onClear();
    else if (picked.length === 1) onRange(Math.min(picked[0], i), Math.max(picked[0], i));
    else onRange(i, i);
  };
  const buttons = bins.map((b, i) => {
    const on = picked.includes(i);
    const height = b.count ? Math.max(4, Math.round((b.count / max) * 100)) : 0;
    const button = el('button', {
      type: 'button', class: `bin${on ? ' on' : ''}${picked.length && !on ? ' off' : ''}`,
      'aria-pressed': String(on), 'data-lo': b.lo, 'data-hi': b.hi,
      'aria-label': `${unit} ${b.label}: ${NUMBER.format(b.count)} review${b.count === 1 ? '' : 's'}`,
      title: `${unit} ${b.label}: ${NUMBER.format(b.count)}`,
    }, el('span', { class: 'bar', style: { height: `${height}%` } }));
    button.addEventListener('pointerdown', () => { dragFrom = i; dragged = false; });
    button.addEventListener('pointerenter', e => { if (dragFrom !== null && e.buttons) dragged = dragFrom !== i; });
    button.addEventListener('pointerup', () => {
      if (dragFrom !== null && dragFrom !== i) {
        dragged = true;
        onRange(Math.min(dragFrom, i), Math.max(dragFrom, i));
      }
      dragFrom = null;
    });
    button.addEventListener('click', () => {
      if (dragged) { dragged = false; return; }
      pick(i);
    });
    return button;
  });
  const first = bins[0];
  const last = bins[bins.length - 1];
  return el('section', { class: 'facet chart', id, 'aria-labelledby': `${id}-title` },
    el('h2', { class: 'facet-title', id: `${id}-title` }, title),
    bins.length
      ? el('div', { class: 'bins', role: 'group', 'aria-label': `${title}: pick a bar, or two for a range` }, ...buttons)
      : el('p', { class: 'none' }, 'None among these reviews.'),
    bins.length ? el('div', { class: 'axis', 'aria-hidden': 'true' },
      el('span', {}, first.axis), el('span', {}, last.hi === last.lo ? last.axis : String(last.hi))) : null);
}

// The most frequent names among the hits; a click filters on one.
export function topList({ id, title, kind, values, active, onPick }) {
  const items = (values || []).map(v => el('li', {},
    el('button', {
      type: 'button', class: `top-name${active.includes(v.value) ? ' on' : ''}`, 'data-kind': kind, 'data-name': v.value,
      'aria-pressed': String(active.includes(v.value)), onclick: () => onPick(v.value),
    }, el('span', { class: 'name' }, v.value), el('span', { class: 'n' }, NUMBER.format(v.count)))));
  return el('section', { class: 'facet top', id, 'aria-labelledby': `${id}-title` },
    el('h2', { class: 'facet-title', id: `${id}-title` }, title),
    items.length ? el('ul', {}, ...items) : el('p', { class: 'none' }, 'None among these reviews.'));
}
