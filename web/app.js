// A minimal search page over /api/search; issue #3 grows it into the full search box.
const input = document.getElementById('q');
const results = document.getElementById('results');
const status = document.getElementById('status');
let latest = 0;

function textWithMarks(text, matches) {
  // Built from the API's offsets with text nodes only: review text is never parsed as HTML.
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const m of matches) {
    frag.append(document.createTextNode(text.slice(at, m.start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(m.start, m.end);
    frag.append(mark);
    at = m.end;
  }
  frag.append(document.createTextNode(text.slice(at)));
  return frag;
}

async function search(q) {
  const ticket = ++latest;
  try {
    const res = await fetch('/api/search?' + new URLSearchParams({ q }));
    const body = await res.json();
    if (ticket !== latest) return;
    if (!res.ok) { status.textContent = body.error ? body.error.message : 'Search failed.'; results.replaceChildren(); return; }
    status.textContent = `${body.total} review${body.total === 1 ? '' : 's'}`;
    results.replaceChildren(...body.hits.map(hit => {
      const li = document.createElement('li');
      const p = document.createElement('p');
      p.append(textWithMarks(hit.text, hit.highlights.matches));
      const meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = [hit.critic || 'Uncredited', hit.publication, hit.work, hit.date,
        hit.score_raw ? `${hit.score_raw} (${hit.score ?? '–'}/100)` : null,
        `${hit.sentiment} (from ${hit.sentiment_source})`].filter(Boolean).join(' · ');
      li.append(p, meta);
      return li;
    }));
  } catch (e) {
    if (ticket === latest) status.textContent = 'The search service cannot be reached.';
  }
}

let timer;
input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => search(input.value), 150); });
document.getElementById('search-form').addEventListener('submit', e => { e.preventDefault(); search(input.value); });
search('');
