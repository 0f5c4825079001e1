// Talks to the JSON API; every failure becomes an Error with a message fit to show a person.

export class ApiError extends Error {
  constructor(message, status, body, retryAfter = null) {
    super(message);
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter; // seconds, when the server says to come back (503)
  }
}

export async function getJson(path, params, signal) {
  let res;
  try {
    res = await fetch(path + '?' + params.toString(), { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('The search service cannot be reached. Check that the server is running, then try again.', 0, null);
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    throw new ApiError(`The search service answered with an unreadable reply (HTTP ${res.status}).`, res.status, null);
  }
  if (!res.ok) {
    const message = body && body.error && body.error.message ? body.error.message : `HTTP ${res.status}`;
    const retryAfter = res.status === 503 ? Number(res.headers.get('Retry-After')) || null : null;
    throw new ApiError(message, res.status, body, retryAfter);
  }
  return body;
}
