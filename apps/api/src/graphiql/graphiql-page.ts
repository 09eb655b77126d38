// The GraphiQL page, its script and its stylesheet. Kept in TypeScript strings so the build (tsc) ships
// them; the script is a file of its own because the page's CSP allows no inline script.

export const GRAPHIQL_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dyad GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<link rel="stylesheet" href="/graphiql/page.css">
</head>
<body>
<form id="key-form" class="key-bar" autocomplete="off">
  <strong>Dyad GraphQL</strong>
  <label for="api-key">API key</label>
  <input id="api-key" name="key" type="password" placeholder="paste a key (sent as Authorization: Bearer …)" spellcheck="false">
  <button type="submit">Use key</button>
  <button type="button" id="forget-key">Forget</button>
  <span id="key-status" role="status"></span>
</form>
<div id="graphiql"><p class="loading">Loading GraphiQL…</p></div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script src="/graphiql/page.js"></script>
</body>
</html>
`;

export const GRAPHIQL_CSS = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
.key-bar { display: flex; gap: .5rem; align-items: center; padding: .4rem .75rem; border-bottom: 1px solid #ddd; font-size: 14px; }
.key-bar input { flex: 1; max-width: 32rem; font: inherit; padding: .2rem .4rem; }
.key-bar button { font: inherit; }
#key-status { color: #555; }
#key-status.missing { color: #b00020; }
#graphiql { flex: 1; min-height: 0; }
.loading { padding: 1rem; }
`;

/** What GraphiQL opens on (until the user has written a query of their own, which it keeps). */
export const GRAPHIQL_EXAMPLE_QUERY = `# Welcome to Dyad's GraphQL API. Press the run button (or Ctrl-Enter).
# Every list is a connection: first (1-100), after: pageInfo.endCursor for the next page.
# More examples: README.md, "GraphQL examples".
query Example {
  meetings(filter: { countries: ["IR", "KZ"] }, first: 5) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id type status date
      countries { code name }
      evidence { quote newsItem { title url } }
      proposals { kind status title }
    }
  }
  dyads(first: 5) { nodes { countries { code } score meetingCount signedCount } }
}
`;

// Same storage key as the dashboard: signing in to one signs in to the other.
export const GRAPHIQL_JS = `(function () {
  'use strict';
  var STORAGE_KEY = 'dyad.apiKey';
  function read() { try { return localStorage.getItem(STORAGE_KEY) || ''; } catch (e) { return memory; } }
  function write(key) {
    memory = key;
    try { if (key) localStorage.setItem(STORAGE_KEY, key); else localStorage.removeItem(STORAGE_KEY); } catch (e) { /* private mode */ }
  }
  var memory = '';

  // A ?key= link stores the key, then leaves the address bar so it is not bookmarked or shared.
  var params = new URLSearchParams(location.search);
  if (params.get('key')) {
    write(params.get('key').trim());
    params.delete('key');
    var rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
  }

  var input = document.getElementById('api-key');
  var status = document.getElementById('key-status');
  function showStatus() {
    var missing = !read();
    status.textContent = missing ? 'No key: every request will be refused (UNAUTHENTICATED).' : 'Key saved in this browser.';
    status.className = missing ? 'missing' : '';
  }
  input.value = read();
  showStatus();
  document.getElementById('key-form').addEventListener('submit', function (event) {
    event.preventDefault();
    write(input.value.trim());
    location.reload(); // GraphiQL fetches the schema again with the new key
  });
  document.getElementById('forget-key').addEventListener('click', function () {
    write('');
    input.value = '';
    showStatus();
  });

  function fetcher(graphQLParams) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
    var key = read();
    if (key) headers.Authorization = 'Bearer ' + key;
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify(graphQLParams) })
      .then(function (response) { return response.json(); });
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: ${JSON.stringify(GRAPHIQL_EXAMPLE_QUERY)}, defaultEditorToolsVisibility: true, shouldPersistHeaders: false }));
})();
`;
