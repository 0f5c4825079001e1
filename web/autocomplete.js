// The critic filter: an ARIA combobox over /api/critics. Arrows move, Enter picks, Esc closes.
import { getJson } from './api.js';
import { option } from './render.js';

export function criticAutocomplete(input, list, onPick) {
  let items = [];
  let active = -1;
  let timer = null;
  let controller = null;

  function close() {
    clearTimeout(timer);
    if (controller) controller.abort();
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    items = [];
    active = -1;
  }

  function highlight(i) {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function pick(i) {
    const critic = items[i];
    if (!critic) return;
    input.value = '';
    close();
    onPick(critic.name);
  }

  async function load(prefix) {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const body = await getJson('/api/critics', new URLSearchParams({ prefix, limit: '8' }), controller.signal);
      if (input.value.trim() !== prefix || document.activeElement !== input) return;
      items = body.critics;
      list.replaceChildren(...items.map((c, i) => {
        const li = option(c, `critic-option-${i}`);
        li.addEventListener('mousedown', e => { e.preventDefault(); pick(i); });
        return li;
      }));
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', String(items.length > 0));
      highlight(items.length ? 0 : -1);
    } catch (e) {
      if (e.name !== 'AbortError') close();
    }
  }

  input.addEventListener('input', () => {
    // Suggestions for the old prefix must not be picked by an Enter typed before the new ones come.
    close();
    const prefix = input.value.trim();
    if (!prefix) return;
    timer = setTimeout(() => load(prefix), 120);
  });
  input.addEventListener('keydown', e => {
    if (e.key === 'ArrowDown' && items.length) { e.preventDefault(); highlight((active + 1) % items.length); }
    else if (e.key === 'ArrowUp' && items.length) { e.preventDefault(); highlight((active - 1 + items.length) % items.length); }
    else if (e.key === 'Enter') { e.preventDefault(); if (active >= 0) pick(active); }
    else if (e.key === 'Escape') { if (!list.hidden) { e.stopPropagation(); close(); } else { input.value = ''; } }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
