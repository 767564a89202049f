// The static parts of the HTML access report: its style sheet, its markup and its script. No model
// text appears here: the script reads the embedded JSON and writes every model string with
// textContent (or as an attribute value through the DOM), never as markup.

/** The report's style sheet (inline; its hash goes into the page's Content-Security-Policy). */
export const REPORT_STYLE = `
:root { color-scheme: light; --gained: #d9f2dd; --gained-ink: #0b5a1c; --lost: #fbe0e0; --lost-ink: #8a1313; --changed: #fff1c9; --changed-ink: #6b4e00; --line: #d4d7dc; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1c1f24; background: #fff; }
header, section, nav { padding: 8px 16px; }
header { background: #f3f5f8; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 4px 0; }
h2 { font-size: 16px; margin: 8px 0 4px; }
h3 { font-size: 14px; margin: 6px 0 2px; }
.muted { color: #5b6270; }
.summary span { display: inline-block; margin-right: 14px; }
#changes { max-height: 420px; overflow: auto; border-bottom: 1px solid var(--line); }
tr.broadening td:first-child { color: #7a3b00; font-weight: 600; }
tr.narrowing td:first-child { color: #23406e; font-weight: 600; }
.tag { display: inline-block; border-radius: 3px; padding: 0 5px; font-size: 12px; font-weight: 600; margin-right: 4px; }
.tag.gained { background: var(--gained); color: var(--gained-ink); }
.tag.lost { background: var(--lost); color: var(--lost-ink); }
.tag.changed { background: var(--changed); color: var(--changed-ink); }
.tag.widened, .tag.broadening { background: #fde2c4; color: #7a3b00; }
.tag.narrowing, .tag.other { background: #e2e8f3; color: #23406e; }
#filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; border-bottom: 1px solid var(--line); }
#filters label { display: flex; flex-direction: column; font-size: 12px; color: #5b6270; }
#filters select, #filters input[type=search] { font: inherit; padding: 3px 4px; min-width: 150px; }
#filters label.inline { flex-direction: row; gap: 4px; align-items: center; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--line); word-break: break-word; }
th { background: #f3f5f8; position: sticky; top: 0; font-size: 12px; white-space: nowrap; }
td:first-child, td:nth-child(10) { white-space: nowrap; }
tr.gained td { background: var(--gained); }
tr.lost td { background: var(--lost); }
tr.lost td:not(:first-child) { text-decoration: line-through; }
tr.changed td { background: var(--changed); }
button.node { font: inherit; border: 0; background: none; padding: 0; color: #0b4fa8; cursor: pointer; text-align: left; text-decoration: underline dotted; }
button.node:hover, button.node:focus { text-decoration: underline; }
#neighbourhood { border: 1px solid var(--line); margin: 8px 16px; border-radius: 4px; background: #fafbfc; }
#neighbourhood .graph { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
#neighbourhood .column { border-left: 3px solid var(--line); padding-left: 6px; }
#neighbourhood .column ul { list-style: none; margin: 0; padding: 0; }
#neighbourhood .column li.gained { background: var(--gained); }
#neighbourhood .column li.lost { background: var(--lost); }
#neighbourhood .column h3::after { content: " \\2192"; color: #5b6270; }
#neighbourhood .column:last-child h3::after { content: ""; }
#neighbourhood dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0; }
#neighbourhood dt { color: #5b6270; }
#neighbourhood dd { margin: 0; }
#neighbourhood li.gained, #neighbourhood dd li.gained { background: var(--gained); }
#neighbourhood dd li.lost { background: var(--lost); }
nav { display: flex; gap: 10px; align-items: center; }
`;

/** The report's body markup: static, the script fills it in. */
export const REPORT_BODY = `<header>
<h1 id="title">Access report</h1>
<p id="subtitle" class="muted"></p>
<p id="summary" class="summary"></p>
</header>
<section id="changes" hidden>
<h2>Changes against the base</h2>
<p id="change-counts" class="summary"></p>
<p id="change-note" class="muted"></p>
<table id="change-table">
<thead><tr><th>&#177;</th><th>change</th><th>cluster</th><th>tenant</th><th>who</th><th>via</th><th>secret</th><th>access</th></tr></thead>
<tbody id="change-rows"></tbody>
</table>
</section>
<section id="filters" aria-label="Filters">
<label>Cluster <select id="filter-cluster"></select></label>
<label>Tenant <select id="filter-tenant"></select></label>
<label>Backend <select id="filter-backend"></select></label>
<label>Search (namespace, store, identity, secret, consumer) <input id="filter-text" type="search" autocomplete="off"></label>
<label class="inline" id="changes-only-label" hidden><input id="filter-changes" type="checkbox"> changes only</label>
<button id="clear" type="button">Clear filters</button>
</section>
<section id="neighbourhood" hidden aria-live="polite">
<h2 id="focus-title"></h2>
<dl id="focus-details"></dl>
<div class="graph" id="focus-graph"></div>
<p><button id="focus-clear" type="button">Close (show all grants)</button></p>
</section>
<nav aria-label="Pages"><button id="prev" type="button">Previous</button><span id="count"></span><button id="next" type="button">Next</button></nav>
<table id="grants">
<thead><tr><th>change</th><th>cluster</th><th>tenant</th><th>namespace</th><th>store</th><th>identity</th><th>secret</th><th>backend</th><th>actions</th><th>how</th><th>consumer</th></tr></thead>
<tbody id="rows"></tbody>
</table>`;

/**
 * The report's script. It parses the embedded data, fills the filters, and renders one page of
 * grant rows and the neighbourhood of the selected node; every model string goes through
 * textContent or a DOM attribute, never through markup.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var S = data.strings, rows = data.rows, ids = data.identities;
  var C = { cluster: 0, tenant: 1, namespace: 2, store: 3, identity: 4, secret: 5, secretName: 6, backend: 7, actions: 8, how: 9, consumer: 10, change: 11, was: 12 };
  var CHANGE = ['', 'gained', 'lost', 'changed'];
  var MARK = ['', '+ gained', '\u2212 lost', '~ changed'];
  var PAGE = 100, COLUMN_LIMIT = 50;
  var state = { cluster: '', tenant: '', backend: '', terms: [], changes: false, focus: null, page: 0 };
  var filtered = [];
  var renders = 0;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function tag(cls, text) { return el('span', 'tag ' + cls, text); }
  function nodeButton(kind, value, label) {
    var b = el('button', 'node node-' + kind, label);
    b.type = 'button';
    b.setAttribute('data-kind', kind);
    b.setAttribute('data-value', value);
    return b;
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function nsKey(cluster, namespace) { return JSON.stringify([cluster, namespace]); }

  var secretsByKey = new Map(data.secrets.map(function (s) { return [s.key, s]; }));
  var storesById = new Map(data.stores.map(function (s) { return [s.id, s]; }));
  var identityIndex = new Map(ids.map(function (i, n) { return [i.id, n]; }));
  var widened = ids.map(function (i) { return i.trust.some(function (t) { return t.change === 1; }); });
  var hay = rows.map(function (r) {
    var i = ids[r[C.identity]];
    return [S[r[C.cluster]], S[r[C.tenant]], S[r[C.namespace]], S[r[C.store]], i.id, i.principal, S[r[C.secret]], S[r[C.secretName]],
      S[r[C.backend]], S[r[C.consumer]]].join('\n').toLowerCase();
  });

  function secretTenant(r) { var s = secretsByKey.get(S[r[C.secret]]); return s ? s.tenant : ''; }
  function focusMatch(r) {
    var f = state.focus;
    if (f.kind === 'namespace') return nsKey(S[r[C.cluster]], S[r[C.namespace]]) === f.value;
    if (f.kind === 'store') return S[r[C.store]] === f.value;
    if (f.kind === 'identity') return ids[r[C.identity]].id === f.value;
    return S[r[C.secret]] === f.value;
  }
  function matches(r, n) {
    if (state.cluster && S[r[C.cluster]] !== state.cluster) return false;
    if (state.backend && S[r[C.backend]] !== state.backend) return false;
    if (state.tenant && S[r[C.tenant]] !== state.tenant && secretTenant(r) !== state.tenant) return false;
    if (state.changes && r[C.change] === 0) return false;
    if (state.focus && !focusMatch(r)) return false;
    for (var t = 0; t < state.terms.length; t++) if (hay[n].indexOf(state.terms[t]) < 0) return false;
    return true;
  }

  function fill(select, values, all) {
    var o = el('option', '', all);
    o.value = '';
    select.appendChild(o);
    values.forEach(function (v) { var e = el('option', '', v); e.value = v; select.appendChild(e); });
  }
  function distinct(values) {
    return Array.from(new Set(values.filter(function (v) { return v !== ''; }))).sort();
  }
  function column(c) { return rows.map(function (r) { return S[r[c]]; }); }

  document.title = 'Access report: ' + data.declaration;
  $('title').textContent = 'Access report: ' + data.declaration;
  $('subtitle').textContent = data.base
    ? 'Compared with the base model of ' + data.base + ': gained grants, lost grants and widened trust are highlighted.'
    : 'No base model: nothing is compared.';
  fill($('filter-cluster'), distinct(column(C.cluster)), 'all clusters');
  fill($('filter-tenant'), distinct(data.tenants.map(function (t) { return t.id; }).concat(column(C.tenant))), 'all tenants');
  fill($('filter-backend'), distinct(column(C.backend)), 'all backends');

  function summary() {
    var p = $('summary');
    var namespaces = new Set(rows.map(function (r) { return nsKey(S[r[C.cluster]], S[r[C.namespace]]); }));
    [[rows.length, 'grants (identity, secret, consumer)'], [ids.length, 'identities'], [data.secrets.length, 'secrets'],
      [data.stores.length, 'stores'], [namespaces.size, 'namespaces'], [data.tenants.length, 'tenants']].forEach(function (x) {
      p.appendChild(el('span', '', x[0] + ' ' + x[1]));
    });
    if (!data.base) return;
    $('changes').hidden = false;
    $('changes-only-label').hidden = false;
    var counts = [0, 0, 0, 0];
    rows.forEach(function (r) { counts[r[C.change]]++; });
    var cc = $('change-counts');
    var w = widened.filter(Boolean).length;
    cc.appendChild(tag('gained', plural(counts[1], 'grant') + ' gained'));
    cc.appendChild(tag('lost', plural(counts[2], 'grant') + ' lost'));
    cc.appendChild(tag('changed', plural(counts[3], 'grant') + ' changed'));
    cc.appendChild(tag('widened', (w === 1 ? '1 identity' : w + ' identities') + ' with widened trust'));
    var dc = data.changeCounts;
    cc.appendChild(tag('broadening', dc[0] + ' broadening'));
    cc.appendChild(tag('narrowing', dc[1] + ' narrowing'));
    cc.appendChild(tag('other', dc[2] + ' other'));
  }

  var D = { direction: 0, kind: 1, severity: 2, cluster: 3, tenant: 4, who: 5, via: 6, secret: 7, access: 8 };
  var DIRECTION = ['broadening', 'narrowing', 'other'];
  var DIRECTION_MARK = ['+', '\u2212', '~'];
  var CHANGE_LIMIT = 200;
  var changeHay = data.changes.map(function (c) {
    return [S[c[D.kind]], S[c[D.cluster]], S[c[D.tenant]], S[c[D.who]], S[c[D.via]], S[c[D.secret]], S[c[D.access]]].join('\n').toLowerCase();
  });
  function listed(value, wanted) { return value === wanted || value.split(', ').indexOf(wanted) >= 0; }
  function changeMatches(c, n) {
    if (state.cluster && S[c[D.cluster]] !== '' && !listed(S[c[D.cluster]], state.cluster)) return false;
    if (state.tenant && !listed(S[c[D.tenant]], state.tenant)) return false;
    if (state.backend && S[c[D.secret]] !== '' && S[c[D.secret]].indexOf(state.backend + ':') !== 0) return false;
    if (state.focus && state.focus.kind === 'secret' && S[c[D.secret]] !== state.focus.value) return false;
    for (var t = 0; t < state.terms.length; t++) if (changeHay[n].indexOf(state.terms[t]) < 0) return false;
    return true;
  }
  function renderChanges() {
    if (!data.base) return;
    var tbody = $('change-rows');
    tbody.textContent = '';
    var shown = 0, total = 0;
    var frag = document.createDocumentFragment();
    data.changes.forEach(function (c, n) {
      if (!changeMatches(c, n)) return;
      total++;
      if (shown >= CHANGE_LIMIT) return;
      shown++;
      var direction = DIRECTION[c[D.direction]];
      var tr = el('tr', direction);
      tr.setAttribute('data-direction', direction);
      cell(tr, DIRECTION_MARK[c[D.direction]] + ' ' + direction);
      cell(tr, (S[c[D.severity]] === 'cross-tenant' ? '\u26a0 cross-tenant ' : '') + S[c[D.kind]]);
      cell(tr, S[c[D.cluster]] || 'every cluster');
      cell(tr, S[c[D.tenant]] || '\u2014');
      cell(tr, S[c[D.who]]);
      cell(tr, S[c[D.via]] || '\u2014');
      cell(tr, S[c[D.secret]] ? nodeButton('secret', S[c[D.secret]], S[c[D.secret]]) : '\u2014');
      cell(tr, S[c[D.access]]);
      frag.appendChild(tr);
    });
    tbody.appendChild(frag);
    $('change-note').textContent = data.changes.length === 0 ? 'No access changes.'
      : total === data.changes.length ? plural(total, 'change') + ', broadening first.'
        : plural(total, 'change') + ' match the filters (of ' + data.changes.length + '), broadening first.';
    if (total > shown) $('change-note').textContent += ' The first ' + shown + ' are shown: narrow them with the filters.';
  }

  function cell(tr, content) {
    var td = el('td');
    if (typeof content === 'string') td.textContent = content; else if (content) td.appendChild(content);
    tr.appendChild(td);
    return td;
  }
  function rowElement(r) {
    var change = CHANGE[r[C.change]];
    var tr = el('tr', change);
    tr.setAttribute('data-change', change || 'none');
    var i = ids[r[C.identity]];
    cell(tr, change ? tag(change, MARK[r[C.change]]) : '');
    cell(tr, S[r[C.cluster]] || '\u2014');
    cell(tr, S[r[C.tenant]] || '\u2014');
    cell(tr, S[r[C.namespace]] ? nodeButton('namespace', nsKey(S[r[C.cluster]], S[r[C.namespace]]), S[r[C.namespace]]) : '\u2014');
    cell(tr, nodeButton('store', S[r[C.store]], S[r[C.store]]));
    var who = cell(tr, nodeButton('identity', i.id, i.principal));
    if (widened[r[C.identity]]) who.appendChild(tag('widened', 'trust widened'));
    var secret = cell(tr, nodeButton('secret', S[r[C.secret]], S[r[C.secretName]]));
    secret.title = S[r[C.secret]];
    cell(tr, S[r[C.backend]]);
    cell(tr, S[r[C.was]] ? S[r[C.actions]] + ' (was: ' + S[r[C.was]] + ')' : S[r[C.actions]]);
    cell(tr, S[r[C.how]]);
    cell(tr, S[r[C.consumer]] || '\u2014');
    return tr;
  }

  function renderTable() {
    var tbody = $('rows');
    tbody.textContent = '';
    var start = state.page * PAGE, end = Math.min(filtered.length, start + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) frag.appendChild(rowElement(rows[filtered[k]]));
    tbody.appendChild(frag);
    $('count').textContent = filtered.length === 0 ? 'No grant matches the filters.'
      : 'Grants ' + (start + 1) + '\u2013' + end + ' of ' + filtered.length + (filtered.length !== rows.length ? ' (filtered from ' + rows.length + ')' : '');
    $('prev').disabled = state.page === 0;
    $('next').disabled = end >= filtered.length;
    renders++;
    document.body.setAttribute('data-renders', String(renders));
  }

  function detail(dl, term, value) {
    dl.appendChild(el('dt', '', term));
    var dd = el('dd');
    if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value);
    dl.appendChild(dd);
  }
  function list(items) {
    var ul = el('ul');
    items.forEach(function (x) {
      var li = el('li', x.change ? CHANGE[x.change] : '');
      if (x.change) li.appendChild(tag(CHANGE[x.change], MARK[x.change]));
      li.appendChild(document.createTextNode(x.text));
      ul.appendChild(li);
    });
    return ul;
  }
  function graphColumn(title, kind, nodes) {
    var col = el('div', 'column');
    col.setAttribute('data-column', kind);
    col.appendChild(el('h3', '', title + ' (' + nodes.length + ')'));
    var ul = el('ul');
    nodes.slice(0, COLUMN_LIMIT).forEach(function (n) {
      var li = el('li', n.change);
      li.appendChild(nodeButton(kind, n.value, n.label));
      if (n.change) li.appendChild(tag(n.change, n.change));
      ul.appendChild(li);
    });
    if (nodes.length > COLUMN_LIMIT) ul.appendChild(el('li', 'muted', '+ ' + (nodes.length - COLUMN_LIMIT) + ' more (in the table below)'));
    col.appendChild(ul);
    return col;
  }
  function neighbours(connected, value, label) {
    var found = new Map();
    connected.forEach(function (r) {
      var v = value(r);
      var change = CHANGE[r[C.change]];
      var n = found.get(v);
      if (!n) found.set(v, { value: v, label: label(r), change: change, mixed: false });
      else if (n.change !== change) n.mixed = true;
    });
    return Array.from(found.values()).map(function (n) { return { value: n.value, label: n.label, change: n.mixed ? '' : n.change }; })
      .sort(function (a, b) { return a.label < b.label ? -1 : a.label > b.label ? 1 : 0; });
  }

  function renderFocus() {
    var panel = $('neighbourhood');
    var f = state.focus;
    if (!f) { panel.hidden = true; return; }
    panel.hidden = false;
    var dl = $('focus-details'), graph = $('focus-graph');
    dl.textContent = '';
    graph.textContent = '';
    var connected = rows.filter(focusMatch);
    if (f.kind === 'identity') {
      var i = ids[identityIndex.get(f.value)];
      $('focus-title').textContent = 'Neighbourhood of ' + (i ? i.principal : 'identity ' + f.value);
      if (i) {
        detail(dl, 'id', i.id);
        detail(dl, 'backend', i.provider);
        detail(dl, 'mechanism', i.mechanism);
        if (i.policyForm) detail(dl, 'policy form', i.policyForm);
        detail(dl, 'stores', i.stores.join(', ') || 'none');
        detail(dl, 'trusts', list(i.trust.map(function (t) { return { change: t.change, text: t.cluster + ' ' + t.namespace + ':' + t.serviceAccount }; })));
        var finds = data.finds.filter(function (x) { return x.identity === i.id; });
        if (finds.length > 0) {
          detail(dl, 'finds', list(finds.map(function (x) {
            return { change: x.gained.length ? 1 : 0, text: x.criteria + ' matches ' + x.matched + (x.gained.length ? ' (now also ' + x.gained.join(', ') + ')' : '') };
          })));
        }
      }
    } else if (f.kind === 'store') {
      var s = storesById.get(f.value) || data.stores.filter(function (x) { return x.name === f.value; })[0];
      $('focus-title').textContent = 'Neighbourhood of store ' + (s ? s.name : f.value);
      if (s) {
        detail(dl, 'kind', s.kind);
        detail(dl, 'backend', s.provider);
        detail(dl, 'clusters', s.clusters.join(', '));
        detail(dl, 'admits', list(s.namespaces.map(function (ns) { return { change: s.gainedNamespaces.indexOf(ns) >= 0 ? 1 : 0, text: ns }; })));
      }
    } else if (f.kind === 'secret') {
      var secret = secretsByKey.get(f.value);
      $('focus-title').textContent = 'Neighbourhood of secret ' + (secret ? secret.name : f.value);
      detail(dl, 'key', f.value);
      if (secret) {
        detail(dl, 'backend', secret.backend);
        detail(dl, 'owner', secret.tenant || 'no tenant (shared)');
      }
    } else {
      var parts = JSON.parse(f.value);
      $('focus-title').textContent = 'Neighbourhood of namespace ' + parts[1] + ' on ' + parts[0];
      var owner = data.tenants.filter(function (t) { return t.namespaces.indexOf(parts[1]) >= 0; })[0];
      detail(dl, 'tenant', owner ? owner.id : 'none');
    }
    detail(dl, 'grants', String(connected.length));
    graph.appendChild(graphColumn('namespaces', 'namespace', neighbours(connected,
      function (r) { return nsKey(S[r[C.cluster]], S[r[C.namespace]]); },
      function (r) { return (S[r[C.namespace]] || '\u2014') + ' (' + (S[r[C.cluster]] || '\u2014') + ')'; })));
    graph.appendChild(graphColumn('stores', 'store', neighbours(connected,
      function (r) { return S[r[C.store]]; }, function (r) { return S[r[C.store]]; })));
    graph.appendChild(graphColumn('identities', 'identity', neighbours(connected,
      function (r) { return ids[r[C.identity]].id; }, function (r) { return ids[r[C.identity]].principal; })));
    graph.appendChild(graphColumn('secrets', 'secret', neighbours(connected,
      function (r) { return S[r[C.secret]]; }, function (r) { return S[r[C.secretName]]; })));
  }

  function apply() {
    filtered = [];
    for (var n = 0; n < rows.length; n++) if (matches(rows[n], n)) filtered.push(n);
    if (state.page * PAGE >= filtered.length) state.page = 0;
    renderTable();
    renderFocus();
    renderChanges();
  }

  function select(kind, value) {
    state.focus = { kind: kind, value: value };
    state.page = 0;
    apply();
    $('neighbourhood').scrollIntoView({ block: 'nearest' });
  }
  document.body.addEventListener('click', function (e) {
    var b = e.target.closest('button.node');
    if (b) select(b.getAttribute('data-kind'), b.getAttribute('data-value'));
  });
  function onSelect(id, key) {
    $(id).addEventListener('change', function (e) { state[key] = e.target.value; state.page = 0; apply(); });
  }
  onSelect('filter-cluster', 'cluster');
  onSelect('filter-tenant', 'tenant');
  onSelect('filter-backend', 'backend');
  var timer = 0;
  $('filter-text').addEventListener('input', function (e) {
    clearTimeout(timer);
    var text = e.target.value;
    timer = setTimeout(function () {
      state.terms = text.toLowerCase().split(/\s+/).filter(Boolean);
      state.page = 0;
      apply();
    }, 120);
  });
  $('filter-changes').addEventListener('change', function (e) { state.changes = e.target.checked; state.page = 0; apply(); });
  $('clear').addEventListener('click', function () {
    ['filter-cluster', 'filter-tenant', 'filter-backend', 'filter-text'].forEach(function (id) { $(id).value = ''; });
    $('filter-changes').checked = false;
    state = { cluster: '', tenant: '', backend: '', terms: [], changes: false, focus: null, page: 0 };
    apply();
  });
  $('focus-clear').addEventListener('click', function () { state.focus = null; state.page = 0; apply(); });
  $('prev').addEventListener('click', function () { state.page = Math.max(0, state.page - 1); renderTable(); });
  $('next').addEventListener('click', function () { state.page++; renderTable(); });

  summary();
  apply();
  document.body.setAttribute('data-ready', 'true');
})();
`;
