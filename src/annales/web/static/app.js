/* annales explorer: plain JavaScript, no build step. Talks only to this server's /api.
 * All data is put into the page as text (textContent / createTextNode), never as HTML. */
(function () {
  'use strict';

  // ---------------------------------------------------------------- helpers
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

  /** el('td', {class: 'x', 'data-testid': 'y'}, 'text', childNode, ...): children are text or nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') node.textContent = String(v);
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  const fmtInt = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US'));
  const fmtGs = (g) => (g === null || g === undefined || Number.isNaN(Number(g)) ? '–' : (g > 0 ? '+' : '') + Number(g).toFixed(1));
  const gsClass = (g) => (g > 0 ? 'gs pos' : g < 0 ? 'gs neg' : 'gs zero');
  const safeUrl = (u) => { try { const x = new URL(u, location.href); return /^https?:$/.test(x.protocol) ? x.href : null; } catch (e) { return null; } };
  const CODE_RE = /^[A-Z0-9-]{2,12}$/;

  const QUAD = {
    1: { name: 'Verbal cooperation', color: '#8ccfa6' },
    2: { name: 'Material cooperation', color: '#2e8b57' },
    3: { name: 'Verbal conflict', color: '#f2a65a' },
    4: { name: 'Material conflict', color: '#d1443a' },
  };

  // ---------------------------------------------------------------- state
  const state = {
    a: '', b: '', start: '', end: '', interval: 'month',
    table: { root: '', plover: '', quad: '', method: '', min_confidence: '', q: '', min_mentions: '', level: 'merged', place: '', period: null,
             sort: 'date', order: 'desc', offset: 0, limit: 25 },
    meta: null, selected: null,
  };
  const seq = { timeline: 0, network: 0, map: 0, table: 0, detail: 0 };

  async function api(path, query) {
    const url = new URL(path, document.baseURI);
    for (const [k, v] of Object.entries(query || {})) {
      if (v !== '' && v !== null && v !== undefined) url.searchParams.set(k, v);
    }
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!res.ok) {
      let why = res.status + ' ' + res.statusText;
      try {
        const body = await res.json();
        const msg = body && (body.message || (typeof body.detail === 'string' ? body.detail : ''));
        if (msg) why += ': ' + msg;
      } catch (e) { /* not JSON */ }
      throw new Error(why + ' (' + url.pathname + ')');
    }
    return res.json();
  }

  function toast(msg) {
    const t = $('#toast');
    t.textContent = msg;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 6000);
  }

  /** Filters shared by every view: the period and the dyad or country. */
  function scope() {
    const q = { start: state.start, end: state.end };
    if (state.a && state.b) q.dyad = state.a + '-' + state.b;
    else if (state.a || state.b) q.actor = state.a || state.b;
    return q;
  }
  const scopeLabel = () => (state.a && state.b ? state.a + '–' + state.b : (state.a || state.b || 'all actors'));

  function setEmpty(container, message) {
    let e = container.querySelector(':scope > .empty');
    if (!message) { if (e) e.remove(); return; }
    if (!e) { e = el('div', { class: 'empty' }); container.append(e); }
    e.textContent = message;
  }

  function chart(id) {
    const node = document.getElementById(id);
    if (!node._chart) {
      node._chart = echarts.init(node, null, { renderer: 'canvas' });
      new ResizeObserver(() => node._chart.resize()).observe(node);
    }
    return node._chart;
  }

  function tip(title, rows) {
    // echarts accepts DOM nodes as tooltip content: no HTML strings with data in them
    return el('div', { class: 'tip' }, el('div', { style: 'font-weight:600;margin-bottom:2px' }, title),
      rows.map(([color, label, value]) => el('div', { style: 'display:flex;gap:10px;justify-content:space-between' },
        el('span', {}, color ? el('span', { style: `display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:5px;background:${color}` }) : null, label),
        el('b', {}, value))));
  }

  // ---------------------------------------------------------------- URL hash <-> state
  function readHash() {
    const h = new URLSearchParams(location.hash.slice(1));
    for (const k of ['a', 'b', 'start', 'end', 'interval']) if (h.has(k)) state[k] = h.get(k);
  }
  function writeHash() {
    const h = new URLSearchParams();
    for (const k of ['a', 'b', 'start', 'end', 'interval']) if (state[k]) h.set(k, state[k]);
    history.replaceState(null, '', '#' + h.toString());
  }

  // ---------------------------------------------------------------- header controls
  function readControls() {
    const norm = (v) => v.trim().toUpperCase();
    const a = norm($('#actor-a').value), b = norm($('#actor-b').value);
    for (const [v, id] of [[a, '#actor-a'], [b, '#actor-b']]) {
      const bad = v && !CODE_RE.test(v);
      $(id).setAttribute('aria-invalid', bad ? 'true' : 'false');
      if (bad) { toast('Not an actor code: ' + v + ' (use codes such as USA, RUS)'); return false; }
    }
    state.a = a; state.b = b;
    state.start = $('#start').value; state.end = $('#end').value;
    state.interval = $('#interval').value;
    return true;
  }
  function writeControls() {
    $('#actor-a').value = state.a; $('#actor-b').value = state.b;
    $('#start').value = state.start; $('#end').value = state.end;
    $('#interval').value = state.interval;
    for (const p of $$('[data-preset]')) {
      const [pa, pb] = (p.dataset.preset || '-').split('-');
      p.setAttribute('aria-pressed', String((pa || '') === state.a && (pb || '') === state.b));
    }
  }

  function refreshAll() {
    writeControls();
    writeHash();
    state.table.offset = 0;
    state.table.period = null;
    state.table.place = '';
    renderChips();
    loadTimeline();
    loadNetwork();
    loadMap();
    loadTable();
  }

  function setActors(a, b) {
    state.a = a || ''; state.b = b || '';
    refreshAll();
  }

  // ---------------------------------------------------------------- meta
  async function loadMeta() {
    const meta = await api('api/meta');
    state.meta = meta;
    const span = meta.date_span || meta.dates || {};
    const lo = Array.isArray(span) ? span[0] : (span.start || span.min || span.first);
    const hi = Array.isArray(span) ? span[1] : (span.end || span.max || span.last);
    const counts = meta.counts || {};
    const box = $('#meta');
    box.replaceChildren();
    const parts = [['events', 'events'], ['records', 'reports'], ['articles', 'articles']]
      .filter(([k]) => typeof counts[k] === 'number').map(([k, label]) => [fmtInt(counts[k]), ' ' + label]);
    parts.forEach(([n, label], i) => box.append(i ? ' · ' : '', el('b', {}, n), label));
    if (lo || hi) box.append(el('br'), (lo || '…') + ' – ' + (hi || '…'));
    if (!state.start && lo) state.start = String(lo).slice(0, 10);
    if (!state.end && hi) state.end = String(hi).slice(0, 10);
    if (!location.hash.includes('interval') && lo && hi) {
      const days = (Date.parse(hi) - Date.parse(lo)) / 864e5;
      state.interval = days <= 62 ? 'day' : days <= 370 ? 'week' : 'month';
    }
    // dropdowns
    // dropdowns: every CAMEO root and PLOVER type, with the number of events present in the store
    const present = (list, key) => new Map((list || []).map((x) => [x[key], x.events]));
    const rootsPresent = present(meta.roots_present, 'root');
    const rootSel = $('#f-root');
    for (const r of meta.roots || []) {
      const n = rootsPresent.get(r.root) || 0;
      rootSel.append(el('option', { value: r.root }, `${r.root} ${r.label}` + (n ? ` (${fmtInt(n)})` : '')));
    }
    const ploverPresent = present(meta.plover_present, 'type');
    const plSel = $('#f-plover');
    for (const p of meta.plover_types || []) {
      const n = ploverPresent.get(p.type) || 0;
      plSel.append(el('option', { value: p.type }, p.type + (n ? ` (${fmtInt(n)})` : '')));
    }
    fillActorCodes(meta.countries || []);
  }

  function fillActorCodes(list) {
    const dl = $('#actor-codes');
    const have = new Set($$('option', dl).map((o) => o.value));
    for (const x of list) {
      const code = typeof x === 'object' ? (x.iso3 || x.actor || x.id) : x;
      if (!code || have.has(code)) continue;
      have.add(code);
      const name = typeof x === 'object' ? (x.name || '') : '';
      dl.append(el('option', { value: code }, name));
    }
  }

  async function loadActorCodes() {
    try {
      fillActorCodes(await api('api/aggregates/top-actors', { limit: 200 }));
    } catch (e) { /* suggestions only */ }
  }

  // ---------------------------------------------------------------- timeline
  function periodEnd(start, interval) {
    const d = new Date(start + 'T00:00:00Z');
    if (interval === 'week') d.setUTCDate(d.getUTCDate() + 6);
    else if (interval === 'month') { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }
  const periodKey = (p) => String(p).slice(0, 10);
  /** How a period is shown: 2024-03 for a month, 2024 for a year, the first day otherwise. */
  const periodLabel = (p, interval) => (interval === 'month' ? p.slice(0, 7) : interval === 'year' ? p.slice(0, 4) : p);

  async function loadTimeline() {
    const n = ++seq.timeline;
    const node = $('#timeline');
    node.dataset.state = 'loading';
    $('#timeline-scope').textContent = '· ' + scopeLabel() + ' · per ' + state.interval;
    const actor = state.a || state.b;
    let res;
    try {
      res = actor
        ? await api('api/aggregates/dyad', { a: actor, b: state.a && state.b ? state.b : '', interval: state.interval, start: state.start, end: state.end })
        : await api('api/aggregates/counts', { interval: state.interval, start: state.start, end: state.end });
    } catch (e) {
      if (n !== seq.timeline) return;
      node.dataset.state = 'error';
      setEmpty(node, 'Could not load the timeline: ' + e.message);
      return;
    }
    if (n !== seq.timeline) return;
    const series = (res.series || []).filter((r) => r.period !== null && r.period !== undefined);
    const periods = series.map((r) => periodKey(r.period));
    const count = (r) => Number(r.events !== undefined ? r.events : r.total) || 0;
    const total = series.reduce((s, r) => s + count(r), 0);
    const hasGs = series.some((r) => r.goldstein_mean !== undefined && r.goldstein_mean !== null);
    const c = chart('timeline');
    c.setOption({
      animationDuration: 300,
      grid: { left: 44, right: hasGs ? 44 : 16, top: 24, bottom: 52 },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (items) => {
          const r = series[items[0].dataIndex];
          const rows = [1, 2, 3, 4].map((q) => [QUAD[q].color, QUAD[q].name, fmtInt(r['q' + q] || 0)]);
          rows.push([null, 'Events', fmtInt(count(r))]);
          if (hasGs) rows.push(['#1d2733', 'Goldstein mean', fmtGs(r.goldstein_mean)]);
          const p = periods[items[0].dataIndex];
          return tip(state.interval === 'week' ? 'week of ' + p : periodLabel(p, state.interval), rows);
        },
      },
      xAxis: { type: 'category', data: periods, axisTick: { alignWithLabel: true },
               axisLabel: { color: '#5e6b78', fontSize: 11, hideOverlap: true, formatter: (v) => periodLabel(v, state.interval) } },
      yAxis: [
        { type: 'value', name: 'events', nameTextStyle: { color: '#8a96a3', fontSize: 10, align: 'right' }, minInterval: 1,
          axisLabel: { color: '#5e6b78', fontSize: 11 }, splitLine: { lineStyle: { color: '#eef1f4' } } },
        { type: 'value', name: 'Goldstein', min: -10, max: 10, interval: 5, show: hasGs,
          nameTextStyle: { color: '#8a96a3', fontSize: 10, align: 'left' },
          axisLabel: { color: '#5e6b78', fontSize: 11 }, splitLine: { show: false } },
      ],
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 14, bottom: 8, borderColor: '#dde3e9', fillerColor: 'rgba(47,95,158,.12)',
                   handleSize: '120%', showDetail: false, brushSelect: false }],
      series: [1, 2, 3, 4].map((q) => ({
        name: QUAD[q].name, type: 'bar', stack: 'q', barMaxWidth: 26, itemStyle: { color: QUAD[q].color },
        emphasis: { focus: 'series' }, data: series.map((r) => Number(r['q' + q]) || 0),
      })).concat(hasGs ? [{
        name: 'Goldstein mean', type: 'line', yAxisIndex: 1, symbol: 'circle', symbolSize: 4, connectNulls: false,
        lineStyle: { width: 1.6, color: '#1d2733' }, itemStyle: { color: '#1d2733' },
        markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#b8c2cc', type: 'dashed' }, data: [{ yAxis: 0 }] },
        data: series.map((r) => (r.goldstein_mean === null || r.goldstein_mean === undefined ? null : Number(Number(r.goldstein_mean).toFixed(2)))),
      }] : []),
    }, { notMerge: true });
    c.off('click');
    c.on('click', (p) => {
      if (p.componentType !== 'series') return;
      const start = periods[p.dataIndex];
      state.table.period = { start, end: periodEnd(start, state.interval) };
      state.table.offset = 0;
      renderChips();
      loadTable();
    });
    setEmpty(node, series.length ? '' : 'No dated events for ' + scopeLabel() + ' in this period.');
    $('#timeline-gs-key').hidden = !hasGs;
    node.dataset.key = [state.a, state.b, state.interval, state.start, state.end].join('|');
    node.dataset.periods = String(series.length);
    node.dataset.total = String(total);
    node.setAttribute('aria-label', `${scopeLabel()}: ${fmtInt(total)} events in ${series.length} periods, by quad class` + (hasGs ? ', with the mean Goldstein score' : ''));
    node.dataset.state = 'ready';
  }

  // ---------------------------------------------------------------- network
  function mix(c1, c2, t) {
    const p = (c, i) => parseInt(c.slice(1 + 2 * i, 3 + 2 * i), 16);
    return '#' + [0, 1, 2].map((i) => Math.round(p(c1, i) + (p(c2, i) - p(c1, i)) * t).toString(16).padStart(2, '0')).join('');
  }
  /** -1 (conflict) .. +1 (cooperation) -> red .. grey .. green */
  function coopColor(x) {
    const v = Math.max(-1, Math.min(1, x));
    return v >= 0 ? mix('#a9b3bd', '#2e8b57', v) : mix('#a9b3bd', '#d1443a', -v);
  }
  /** An edge's balance: its mean Goldstein scaled to -1..1 (the API's `cooperation` is mean > 0). */
  function edgeBalance(e) {
    if (typeof e.goldstein_mean === 'number') return e.goldstein_mean / 6;
    return e.cooperation ? 0.5 : -0.5;
  }

  /** A deterministic Fruchterman-Reingold layout in a W x 1 frame (W: the panel's aspect), so that
   * the same data always gives the same picture and every component stays inside the panel. */
  function layoutGraph(ids, links, aspect) {
    const n = ids.length, W = Math.max(1, aspect), H = 1;
    const at = new Map(ids.map((id, i) => [id, i]));
    const pos = ids.map((_, i) => {
      const a = 2 * Math.PI * i / Math.max(1, n), r = 0.35 + 0.1 * (i % 3);
      return [W / 2 + r * W * 0.8 * Math.cos(a), H / 2 + r * Math.sin(a)];
    });
    const k = 1.1 * Math.sqrt((W * H) / Math.max(1, n));
    const es = links.map((e) => [at.get(e.source), at.get(e.target), 0.4 + 0.1 * Math.log2(1 + (e.events || 0))]).filter(([a, b]) => a !== undefined && b !== undefined);
    for (let it = 0, iters = 400; it < iters; it++) {
      const t = 0.08 * W * (1 - it / iters) + 0.002;
      const disp = pos.map(() => [0, 0]);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
          const d2 = Math.max(1e-6, dx * dx + dy * dy), f = (k * k) / d2;
          disp[i][0] += dx * f; disp[i][1] += dy * f; disp[j][0] -= dx * f; disp[j][1] -= dy * f;
        }
      }
      for (const [a, b, w] of es) {
        const dx = pos[a][0] - pos[b][0], dy = pos[a][1] - pos[b][1];
        const d = Math.max(1e-6, Math.hypot(dx, dy)), f = (d * w) / k;
        disp[a][0] -= dx * f; disp[a][1] -= dy * f; disp[b][0] += dx * f; disp[b][1] += dy * f;
      }
      for (let i = 0; i < n; i++) {
        // a little gravity keeps separate components near the middle
        disp[i][0] += (W / 2 - pos[i][0]) * 0.6; disp[i][1] += (H / 2 - pos[i][1]) * 0.6 * W;
        const len = Math.max(1e-9, Math.hypot(disp[i][0], disp[i][1])), step = Math.min(len, t);
        pos[i][0] = Math.min(W * 0.97, Math.max(W * 0.03, pos[i][0] + (disp[i][0] / len) * step));
        pos[i][1] = Math.min(0.97, Math.max(0.03, pos[i][1] + (disp[i][1] / len) * step));
      }
    }
    return pos;
  }

  async function loadNetwork() {
    const n = ++seq.network;
    const node = $('#network');
    node.dataset.state = 'loading';
    let res;
    try {
      res = await api('api/aggregates/network', { start: state.start, end: state.end, limit: 60 });
    } catch (e) {
      if (n !== seq.network) return;
      node.dataset.state = 'error';
      setEmpty(node, 'Could not load the network: ' + e.message);
      return;
    }
    if (n !== seq.network) return;
    const nodes = res.nodes || [], edges = res.edges || [];
    const maxN = Math.max(1, ...nodes.map((x) => x.events || 0));
    const maxE = Math.max(1, ...edges.map((x) => x.events || 0));
    const chosen = new Set([state.a, state.b].filter(Boolean));
    const pair = (e) => chosen.size === 2 ? (chosen.has(e.source) && chosen.has(e.target)) : chosen.has(e.source) || chosen.has(e.target);
    fillActorCodes(nodes.map((x) => x.id));
    const aspect = node.clientWidth / Math.max(1, node.clientHeight);
    const xy = layoutGraph(nodes.map((x) => String(x.id)), edges.map((e) => ({ source: String(e.source), target: String(e.target), events: e.events })), aspect || 1.6);
    const c = chart('network');
    c.setOption({
      animationDurationUpdate: 300,
      tooltip: {
        formatter: (p) => {
          if (p.dataType === 'edge') {
            const e = p.data.raw;
            const rows = [[null, 'Events', fmtInt(e.events)]];
            if (e.goldstein_mean !== undefined) rows.push([null, 'Goldstein mean', fmtGs(e.goldstein_mean)]);
            rows.push([null, 'Cooperation / conflict', [1, 2].reduce((s, q) => s + (e['q' + q] || 0), 0) + ' / ' + [3, 4].reduce((s, q) => s + (e['q' + q] || 0), 0)]);
            return tip(e.source + ' → ' + e.target, rows);
          }
          const x = p.data.raw;
          return tip(p.data.name, [[null, 'Events', fmtInt(x.events)]].concat(typeof x.goldstein_mean === 'number' ? [[null, 'Goldstein mean', fmtGs(x.goldstein_mean)]] : []));
        },
      },
      series: [{
        type: 'graph', layout: 'none', roam: true, draggable: true, zoom: 0.86,
        label: { show: true, position: 'inside', fontSize: 10, fontWeight: 600, color: '#1d2733' },
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: [0, 6],
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        data: nodes.map((x, i) => ({
          id: String(x.id), name: String(x.id), value: x.events || 0, raw: x, x: xy[i][0] * 100, y: xy[i][1] * 100,
          symbolSize: 22 + 26 * Math.sqrt((x.events || 0) / maxN),
          itemStyle: chosen.has(x.id)
            ? { color: '#ffd466', borderColor: '#1d2733', borderWidth: 2 }
            : { color: '#dbe6f3', borderColor: '#2f5f9e', borderWidth: 1 },
        })),
        links: edges.map((e) => ({
          source: String(e.source), target: String(e.target), raw: e,
          lineStyle: { width: 0.8 + 7 * Math.sqrt((e.events || 0) / maxE), color: coopColor(edgeBalance(e)),
                       opacity: chosen.size && !pair(e) ? 0.35 : 0.85, curveness: 0.18 },
        })),
      }],
    }, { notMerge: true });
    c.off('click');
    c.on('click', (p) => {
      if (p.dataType === 'node') setActors(p.data.id, '');
      else if (p.dataType === 'edge') setActors(p.data.raw.source, p.data.raw.target);
    });
    setEmpty(node, nodes.length ? '' : 'No actor pairs in this period.');
    node.dataset.nodes = String(nodes.length);
    node.dataset.edges = String(edges.length);
    node.setAttribute('aria-label', `Network of ${nodes.length} actors and ${edges.length} directed links in the period`);
    node.dataset.state = 'ready';
  }

  // ---------------------------------------------------------------- map
  let worldReady = null;
  /** Rings that cross the antimeridian (Russia's Chukotka, Fiji) would be drawn as streaks across the
   * world: pull their far-side points onto the edge the ring mostly lies on. */
  function unwrapRings(geometry) {
    const fix = (ring) => {
      const east = ring.reduce((s, p) => s + (p[0] > 0 ? 1 : -1), 0) >= 0;
      return ring.map(([lon, lat]) => (east && lon < -90 ? [180, lat] : !east && lon > 90 ? [-180, lat] : [lon, lat]));
    };
    const crosses = (ring) => ring.some((p, i) => i && Math.abs(p[0] - ring[i - 1][0]) > 180);
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    for (const poly of polys) {
      for (let r = 0; r < poly.length; r++) if (crosses(poly[r])) poly[r] = fix(poly[r]);
    }
  }

  function loadWorld() {
    if (!worldReady) {
      worldReady = fetch(new URL('static/vendor/countries-110m.json', document.baseURI))
        .then((r) => { if (!r.ok) throw new Error('map data ' + r.status); return r.json(); })
        .then((topo) => {
          const geo = topojson.feature(topo, topo.objects.countries);
          geo.features = geo.features.filter((f) => f.geometry && f.properties && f.properties.name !== 'Antarctica');
          geo.features.forEach((f) => unwrapRings(f.geometry));
          echarts.registerMap('world', geo);
        });
    }
    return worldReady;
  }

  async function loadMap() {
    const n = ++seq.map;
    const node = $('#map');
    node.dataset.state = 'loading';
    $('#map-scope').textContent = '· ' + scopeLabel();
    let places;
    try {
      const [, res] = await Promise.all([loadWorld(), api('api/aggregates/places', scope())]);
      places = Array.isArray(res) ? res : (res.items || res.places || []);
    } catch (e) {
      if (n !== seq.map) return;
      node.dataset.state = 'error';
      setEmpty(node, 'Could not load the map: ' + e.message);
      return;
    }
    if (n !== seq.map) return;
    const located = places.filter((p) => typeof p.lat === 'number' && typeof p.lon === 'number');
    const weight = (p) => Number(p.mentions || p.events || 1);
    const maxW = Math.max(1, ...located.map(weight));
    const c = chart('map');
    c.setOption({
      tooltip: {
        formatter: (p) => {
          if (p.componentType !== 'series') return p.name ? tip(p.name, []) : '';
          const x = p.data.raw;
          return tip([x.name, x.country].filter(Boolean).join(', '), [[null, 'Events', fmtInt(x.events)], [null, 'Mentions', fmtInt(x.mentions)]]);
        },
      },
      geo: {
        map: 'world', roam: true, left: 6, right: 6, top: 8, bottom: 8, scaleLimit: { min: 0.8, max: 12 },
        itemStyle: { areaColor: '#dce3ea', borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#cdd8e4' } },
        select: { disabled: true },
      },
      series: [{
        type: 'scatter', coordinateSystem: 'geo', cursor: 'pointer',
        data: located.map((p) => ({ name: p.name, value: [p.lon, p.lat, weight(p)], raw: p })),
        symbolSize: (v) => 5 + 26 * Math.sqrt(v[2] / maxW),
        itemStyle: { color: 'rgba(47,95,158,.55)', borderColor: '#2f5f9e', borderWidth: 1 },
        emphasis: { itemStyle: { color: 'rgba(209,68,58,.7)', borderColor: '#a3302a' } },
      }],
    }, { notMerge: true });
    c.off('click');
    c.on('click', (p) => {
      if (p.componentType !== 'series' || !p.data.raw.name) return;
      state.table.place = p.data.raw.name;
      state.table.offset = 0;
      renderChips();
      loadTable();
    });
    setEmpty(node, located.length ? '' : 'No located events for ' + scopeLabel() + '.');
    node.dataset.markers = String(located.length);
    node.setAttribute('aria-label', `Map of ${located.length} places with events for ${scopeLabel()}`);
    node.dataset.state = 'ready';
  }

  // ---------------------------------------------------------------- table
  function renderChips() {
    const box = $('#chips');
    box.replaceChildren();
    const t = state.table;
    if (t.period) {
      box.append(el('button', { type: 'button', class: 'chip', 'data-testid': 'chip-period', 'aria-label': 'Remove the period filter',
        onclick: () => { t.period = null; t.offset = 0; renderChips(); loadTable(); } }, t.period.start + ' – ' + t.period.end + ' ×'));
    }
    if (t.place) {
      box.append(el('button', { type: 'button', class: 'chip', 'data-testid': 'chip-place', 'aria-label': 'Remove the place filter',
        onclick: () => { t.place = ''; t.offset = 0; renderChips(); loadTable(); } }, 'Place: ' + t.place + ' ×'));
    }
  }

  function tableQuery() {
    const t = state.table;
    const q = Object.assign(scope(), {
      root: t.root, plover: t.plover, quad: t.quad, method: t.method, min_confidence: t.min_confidence, q: t.q, min_mentions: t.min_mentions, place: t.place,
      level: t.level === 'merged' ? '' : t.level, sort: t.sort, order: t.order, limit: t.limit, offset: t.offset,
    });
    const sortable = state.meta && state.meta.sort_columns && state.meta.sort_columns[t.level];
    if (sortable && !sortable.includes(t.sort)) q.sort = 'date';
    if (t.period) {
      q.start = state.start && state.start > t.period.start ? state.start : t.period.start;
      q.end = state.end && state.end < t.period.end ? state.end : t.period.end;
    }
    return q;
  }

  function actorCell(cls, code, name) {
    return el('td', { class: cls, title: [code, name].filter(Boolean).join(' · ') || null },
      code ? el('span', { class: 'code' }, code) : el('span', { class: 'sub' }, '—'));
  }

  /** A merged event is flat already; a record (level=records) nests its actors and trigger. */
  function flat(x) {
    if (!x.source || typeof x.source !== 'object') return x;
    const out = Object.assign({}, x);
    for (const side of ['source', 'target']) {
      const a = x[side] || {};
      out[side + '_code'] = a.code; out[side + '_name'] = a.name; out[side + '_country'] = a.country;
    }
    return out;
  }

  const placeText = (loc) => [...new Set([loc.name, loc.admin1, loc.country].filter(Boolean))].join(', ');

  function dateText(ev) {
    if (!ev.date) return 'undated';
    const d = String(ev.date).slice(0, 10);
    return ev.date_precision === 'year' ? d.slice(0, 4) : ev.date_precision === 'month' ? d.slice(0, 7) : d;
  }

  const rowItems = new Map(); // event id -> the table's item, for what the detail lacks (cameo_label)

  async function loadTable() {
    const n = ++seq.table;
    const table = $('#events');
    table.dataset.state = 'loading';
    $('.table-wrap').classList.add('loading');
    let res;
    try {
      res = await api('api/events', tableQuery());
    } catch (e) {
      if (n !== seq.table) return;
      table.dataset.state = 'error';
      $('.table-wrap').classList.remove('loading');
      $('tbody', table).replaceChildren(el('tr', { class: 'none' }, el('td', { colspan: 8 }, 'Could not load events: ' + e.message)));
      return;
    }
    if (n !== seq.table) return;
    const items = res.items || [];
    const total = Number(res.total) || 0;
    const t = state.table;
    rowItems.clear();
    const rows = items.map((item) => {
      const ev = flat(item);
      rowItems.set(ev.event_id, ev);
      const id = ev.event_id;
      const loc = ev.location;
      const tr = el('tr', {
        class: 'q' + ev.quad_class + (state.selected === id ? ' selected' : ''), tabindex: 0,
        'data-testid': 'event-row', 'data-event-id': id, 'aria-haspopup': 'dialog',
        'aria-label': `${dateText(ev)}: ${ev.source_code || '?'} ${ev.cameo} ${ev.target_code || ''}. Open the evidence.`,
      },
      el('td', { class: 'date', title: ev.date_inferred ? 'date taken from the publication date' : (ev.date_precision ? ev.date_precision + ' precision' : null) },
        dateText(ev), ev.date_inferred ? el('span', { class: 'approx', 'aria-label': 'inferred' }, '≈') : null),
      actorCell('src', ev.source_code, ev.source_name),
      el('td', { title: [ev.cameo, ev.cameo_label, ev.plover].filter(Boolean).join(' · ') },
        el('span', { class: 'code' }, ev.cameo || ''), ev.plover ? el('span', { class: 'sub' }, ev.plover) : null),
      actorCell('tgt', ev.target_code, ev.target_name),
      el('td', { class: 'num' }, el('span', { class: gsClass(ev.goldstein) }, fmtGs(ev.goldstein))),
      el('td', { title: loc ? placeText(loc) : null }, loc ? loc.name || loc.country || '' : ''),
      el('td', { class: 'num' }, fmtInt(ev.num_mentions === undefined ? 1 : ev.num_mentions)),
      el('td', { class: 'sentence', title: ev.sentence || null }, ev.sentence || ''));
      const open = () => openEvent(id, tr);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); }
        else if (e.key === 'ArrowDown' && tr.nextElementSibling) { e.preventDefault(); tr.nextElementSibling.focus(); }
        else if (e.key === 'ArrowUp' && tr.previousElementSibling) { e.preventDefault(); tr.previousElementSibling.focus(); }
      });
      return tr;
    });
    if (!rows.length) rows.push(el('tr', { class: 'none', 'data-testid': 'no-events' }, el('td', { colspan: 8 }, 'No events match these filters.')));
    $('tbody', table).replaceChildren(...rows);
    const first = total ? t.offset + 1 : 0, last = t.offset + items.length;
    $('#page-info').textContent = total ? `${fmtInt(first)}–${fmtInt(last)} of ${fmtInt(total)}` : '0 events';
    $('#events-count').textContent = '· ' + fmtInt(total) + (t.level === 'records' ? ' records' : ' events');
    $('#prev').disabled = t.offset <= 0;
    $('#next').disabled = last >= total;
    for (const th of $$('th[data-sort]', table)) {
      th.setAttribute('aria-sort', th.dataset.sort === t.sort ? (t.order === 'asc' ? 'ascending' : 'descending') : 'none');
    }
    table.dataset.total = String(total);
    table.dataset.rows = String(items.length);
    table.dataset.state = 'ready';
    $('.table-wrap').classList.remove('loading');
  }

  function wireTable() {
    const t = state.table;
    const bind = (id, key, delay) => {
      const input = $(id);
      let timer;
      const apply = () => {
        const v = input.value.trim();
        if (v === t[key]) return;
        t[key] = v; t.offset = 0; loadTable();
      };
      input.addEventListener('change', apply);
      if (delay) input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, delay); });
    };
    bind('#f-root', 'root'); bind('#f-plover', 'plover'); bind('#f-quad', 'quad'); bind('#f-method', 'method');
    bind('#f-conf', 'min_confidence');
    bind('#f-level', 'level');
    bind('#f-q', 'q', 300); bind('#f-min', 'min_mentions', 300);
    $('#filters').addEventListener('submit', (e) => e.preventDefault());
    for (const th of $$('th[data-sort]')) {
      $('button', th).addEventListener('click', () => {
        const key = th.dataset.sort;
        if (t.sort === key) t.order = t.order === 'asc' ? 'desc' : 'asc';
        else { t.sort = key; t.order = key === 'date' || key === 'num_mentions' ? 'desc' : 'asc'; }
        t.offset = 0;
        loadTable();
      });
    }
    $('#prev').addEventListener('click', () => { t.offset = Math.max(0, t.offset - t.limit); loadTable(); });
    $('#next').addEventListener('click', () => { t.offset += t.limit; loadTable(); });
  }

  // ---------------------------------------------------------------- evidence panel
  /** The sentence as text nodes, with the source, trigger and target spans wrapped in <mark>. */
  function highlighted(sentence, m) {
    const text = String(sentence || '');
    const spans = [['source', m.source_start, m.source_end], ['trigger', m.trigger_start, m.trigger_end], ['target', m.target_start, m.target_end]]
      .filter(([, s, e]) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= text.length)
      .sort((x, y) => x[1] - y[1]);
    const p = el('p', { class: 'sentence', 'data-testid': 'mention-sentence' });
    let at = 0;
    for (const [kind, s, e] of spans) {
      if (s < at) continue; // overlapping spans: keep the first
      if (s > at) p.append(text.slice(at, s));
      p.append(el('mark', { class: 'hl-' + kind, 'data-testid': 'hl-' + kind, title: kind }, text.slice(s, e)));
      at = e;
    }
    if (at < text.length) p.append(text.slice(at));
    return p;
  }

  function howResolved(x) {
    if (!x.date) return ['no date', 'inferred'];
    if (x.date_inferred) return ['inferred from the publication date', 'inferred'];
    return [(x.date_precision || 'day') + ' precision, from the sentence', ''];
  }

  function renderDetail(data) {
    const ev = Object.assign({}, rowItems.get((data.event || {}).event_id) || {}, data.event || {});
    const mentions = data.mentions || [];
    const body = $('#detail-body');
    const who = (code, name) => [code || '—', name && name !== code ? ' (' + name + ')' : ''].join('');
    $('#detail-title').textContent = `${ev.source_code || '—'} → ${ev.target_code || '—'} · ${ev.cameo}${ev.plover ? ' ' + ev.plover : ''}`;
    const [how, howCls] = howResolved(ev);
    const loc = ev.location;
    const facts = el('dl', { class: 'facts', 'data-testid': 'event-facts' },
      el('dt', {}, 'Date'), el('dd', {}, dateText(ev), el('span', { class: 'resolved ' + howCls }, how)),
      el('dt', {}, 'Source'), el('dd', {}, el('mark', { class: 'hl-source' }, who(ev.source_code, ev.source_name))),
      el('dt', {}, 'Target'), el('dd', {}, ev.target_code || ev.target_name ? el('mark', { class: 'hl-target' }, who(ev.target_code, ev.target_name)) : '—'),
      el('dt', {}, 'Action'), el('dd', {}, el('span', { class: 'code' }, ev.cameo || ''), ev.cameo_label ? ' ' + ev.cameo_label : '',
        ev.plover ? el('span', { class: 'sub' }, 'PLOVER ' + ev.plover + (ev.plover_mode ? ' / ' + ev.plover_mode : '')) : null,
        ev.negated ? el('span', { class: 'resolved inferred' }, 'negated') : null),
      el('dt', {}, 'Quad class'), el('dd', {}, QUAD[ev.quad_class] ? el('span', { class: 'quad-badge q' + ev.quad_class }, ev.quad_class + ' ' + QUAD[ev.quad_class].name) : String(ev.quad_class)),
      el('dt', {}, 'Goldstein'), el('dd', {}, el('span', { class: gsClass(ev.goldstein) }, fmtGs(ev.goldstein))),
      el('dt', {}, 'Place'), el('dd', {}, loc ? placeText(loc) + (loc.precision ? ' (' + loc.precision + ')' : '') : 'not located'),
      el('dt', {}, 'Reports'), el('dd', {}, `${fmtInt(ev.num_mentions === undefined ? mentions.length : ev.num_mentions)} mentions in ${fmtInt(ev.num_articles === undefined ? mentions.length : ev.num_articles)} articles from ${fmtInt(ev.num_sources === undefined ? '?' : ev.num_sources)} sources`),
      el('dt', {}, 'Event id'), el('dd', { class: 'code' }, ev.event_id || ''));
    const legend = el('div', { class: 'hl-legend', 'aria-hidden': 'true' },
      el('mark', { class: 'hl-source' }, 'source'), el('mark', { class: 'hl-trigger' }, 'trigger'), el('mark', { class: 'hl-target' }, 'target'));
    const list = mentions.map((m) => {
      const url = safeUrl(m.url);
      const [mhow, mcls] = howResolved(m);
      return el('article', { class: 'mention', 'data-testid': 'mention' },
        highlighted(m.sentence, m),
        el('p', { class: 'title' }, url
          ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'mention-link' }, m.title || url)
          : (m.title || m.article_id || 'untitled')),
        el('div', { class: 'where' },
          el('span', { 'data-testid': 'mention-outlet' }, m.outlet || m.source || 'unknown outlet'),
          m.published ? el('span', {}, 'published ' + String(m.published).slice(0, 10)) : null,
          el('span', { 'data-testid': 'mention-date' }, 'event date ' + (m.date ? String(m.date).slice(0, 10) : '—'),
            el('span', { class: 'resolved ' + mcls }, mhow))),
        url ? el('div', { class: 'url' }, url) : null,
        m.reason ? el('div', { class: 'reason' }, 'Merged: ' + m.reason) : null);
    });
    body.replaceChildren(facts, el('h3', {}, `Evidence · ${mentions.length} mention${mentions.length === 1 ? '' : 's'}`), legend,
      ...(list.length ? list : [el('p', { class: 'sub' }, 'No mentions stored for this event.')]));
  }

  let lastRow = null;
  async function openEvent(id, row) {
    const n = ++seq.detail;
    lastRow = row || null;
    state.selected = id;
    for (const r of $$('#events tbody tr.selected')) r.classList.remove('selected');
    if (row) row.classList.add('selected');
    const drawer = $('#detail');
    drawer.hidden = false;
    drawer.dataset.state = 'loading';
    drawer.dataset.eventId = id;
    $('#detail-title').textContent = 'Loading event…';
    $('#detail-body').replaceChildren();
    $('#detail-title').focus();
    try {
      const data = await api('api/events/' + encodeURIComponent(id));
      if (n !== seq.detail) return;
      renderDetail(data);
      drawer.dataset.state = 'ready';
    } catch (e) {
      if (n !== seq.detail) return;
      $('#detail-title').textContent = 'Event ' + id;
      $('#detail-body').replaceChildren(el('p', {}, 'Could not load the event: ' + e.message));
      drawer.dataset.state = 'error';
    }
  }
  function closeEvent() {
    const drawer = $('#detail');
    if (drawer.hidden) return;
    drawer.hidden = true;
    state.selected = null;
    for (const r of $$('#events tbody tr.selected')) r.classList.remove('selected');
    if (lastRow && document.contains(lastRow)) lastRow.focus();
  }

  // ---------------------------------------------------------------- start
  function wireHeader() {
    $('#controls').addEventListener('submit', (e) => {
      e.preventDefault();
      if (readControls()) refreshAll();
    });
    $('#swap').addEventListener('click', () => {
      const a = $('#actor-a').value; $('#actor-a').value = $('#actor-b').value; $('#actor-b').value = a;
      if (readControls()) refreshAll();
    });
    for (const p of $$('[data-preset]')) {
      p.addEventListener('click', () => {
        const [a, b] = (p.dataset.preset || '-').split('-');
        $('#actor-a').value = a || ''; $('#actor-b').value = b || '';
        if (readControls()) refreshAll();
      });
    }
    $('#interval').addEventListener('change', () => { if (readControls()) refreshAll(); });
    $('#detail-close').addEventListener('click', closeEvent);
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeEvent(); });
  }

  async function start() {
    readHash();
    wireHeader();
    wireTable();
    try {
      await loadMeta();
    } catch (e) {
      document.body.dataset.state = 'error';
      toast('Could not reach the annales server: ' + e.message);
      return;
    }
    loadActorCodes();
    refreshAll();
    document.body.dataset.state = 'ready';
  }

  if (typeof echarts === 'undefined' || typeof topojson === 'undefined') {
    document.body.dataset.state = 'error';
    document.addEventListener('DOMContentLoaded', () => toast('The bundled chart libraries did not load.'));
    return;
  }
  // for tests and the console: the state and the event opener
  window.annales = { state, openEvent, setActors };
  start();
})();
