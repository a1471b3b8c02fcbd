/* Incident Atlas map page: loads every incident once, filters by category and date in the
 * browser, clusters the markers, and talks to the HTTP API for near-point queries, geocoding,
 * article extraction and downloads. Plain script, no build step. Text from incidents is only ever
 * inserted as text (textContent, DOM nodes), never as HTML. */
(function () {
  'use strict';

  const CATEGORIES = ['attack', 'bombing', 'riot', 'clash', 'protest', 'arrest', 'other'];
  const COLOURS = {
    attack: '#d7301f', bombing: '#7a0177', riot: '#ec7014', clash: '#238b45',
    protest: '#2171b5', arrest: '#525252', other: '#8c6d31',
  };
  const METRES_PER_KM = 1000;
  const NEAR_LIMIT = 100;
  const WORLD = { lat: 20, lon: 0, zoom: 2 };
  const MAX_ZOOM = 18;
  const MIN_ZOOM = 2;
  /** From this zoom on markers are never clustered: fewer levels make clustering faster. */
  const UNCLUSTERED_ZOOM = 15;
  const CLUSTER_RADIUS_PX = 60;
  const CHUNK_DELAY_MS = 10;
  const PIN_PX = 14;
  const FIT_PADDING_PX = 40;
  const ARTICLE_FIT_MAX_ZOOM = 8;
  const COORD_DIGITS = 4;
  const MONTHS_PER_YEAR = 12;
  const KM_DIGITS = 1;
  const INCIDENTS_URL = '/api/layers/all.geojson';
  const OUTLINE_URL = '/web/vendor/world/countries-110m.geojson';

  const $ = (id) => document.getElementById(id);

  /** Creates an element with text content (never HTML) and optional class and children. */
  function el(tag, text, className, children) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    (children || []).forEach((c) => node.appendChild(c));
    return node;
  }

  // ---- State, kept in the URL hash so a view can be shared by link ----------------------------

  const state = { categories: new Set(CATEGORIES), from: '', to: '', near: null, view: null };

  function readHash() {
    const h = new URLSearchParams(location.hash.slice(1));
    if (h.has('cat')) {
      state.categories = new Set(h.get('cat').split(',').filter((c) => CATEGORIES.includes(c)));
    }
    state.from = h.get('from') || '';
    state.to = h.get('to') || '';
    const near = (h.get('near') || '').split(',').map(Number);
    if (near.length === 3 && near.every(Number.isFinite)) {
      state.near = { lat: near[0], lon: near[1], radiusKm: near[2] };
    }
    const view = (h.get('view') || '').split(',').map(Number);
    if (view.length === 3 && view.every(Number.isFinite)) {
      state.view = { lat: view[0], lon: view[1], zoom: view[2] };
    }
  }

  function writeHash() {
    const h = new URLSearchParams();
    if (state.categories.size !== CATEGORIES.length) h.set('cat', [...state.categories].join(','));
    if (state.from) h.set('from', state.from);
    if (state.to) h.set('to', state.to);
    if (state.near) {
      const n = state.near;
      h.set('near', [n.lat.toFixed(COORD_DIGITS), n.lon.toFixed(COORD_DIGITS), n.radiusKm].join(','));
    }
    if (map) {
      const c = map.getCenter();
      h.set('view', [c.lat.toFixed(COORD_DIGITS), c.lng.toFixed(COORD_DIGITS), map.getZoom()].join(','));
    }
    history.replaceState(null, '', '#' + h.toString());
  }

  // ---- Requests with a loading indicator --------------------------------------------------------

  let pending = 0;

  async function request(url, options) {
    pending += 1;
    $('loading').hidden = false;
    try {
      const res = await fetch(url, options);
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        throw new Error((body && body.error) || `the server answered ${res.status}`);
      }
      return body;
    } finally {
      pending -= 1;
      $('loading').hidden = pending === 0;
    }
  }

  // ---- Map, base layers and markers -------------------------------------------------------------

  let map, cluster, circles, nearLayer, circleRenderer;
  let incidents = [];
  let shown = [];

  function initMap(config) {
    const view = state.view || WORLD;
    map = L.map('map', { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM, worldCopyJump: true }).setView([view.lat, view.lon], view.zoom);
    map.createPane('outline').classList.add('outline-pane');
    const tiles = config && config.tiles;
    if (tiles && tiles.url) {
      L.tileLayer(tiles.url, { maxZoom: MAX_ZOOM, attribution: escapeHtml(tiles.attribution || '') }).addTo(map);
      $('map').classList.add('has-tiles');
    }
    circleRenderer = L.canvas();
    circles = L.layerGroup().addTo(map);
    nearLayer = L.layerGroup().addTo(map);
    cluster = L.markerClusterGroup({
      chunkedLoading: true,
      chunkProgress: onChunk,
      chunkDelay: CHUNK_DELAY_MS,
      maxClusterRadius: CLUSTER_RADIUS_PX,
      disableClusteringAtZoom: UNCLUSTERED_ZOOM,
    }).addTo(map);
    map.on('click', (e) => nearQuery(e.latlng.lat, e.latlng.lng));
    map.on('moveend', () => { updateViewCount(); updateDownloads(); writeHash(); });
    request(OUTLINE_URL).then((world) => {
      L.geoJSON(world, { pane: 'outline', interactive: false, className: 'outline' }).addTo(map);
    }).catch((e) => console.warn('world outline:', e.message));
  }

  /** Attribution is HTML in Leaflet; the operator's text is shown as text. */
  function escapeHtml(text) {
    const span = el('span', text);
    return span.innerHTML;
  }

  const icons = {};
  function iconFor(category) {
    if (!icons[category]) {
      icons[category] = L.divIcon({ className: `pin pin-${category}`, iconSize: [PIN_PX, PIN_PX], html: '' });
    }
    return icons[category];
  }

  function categoryOf(f) {
    const c = f.properties && f.properties.category;
    return CATEGORIES.includes(c) ? c : 'other';
  }

  /** The marker of a feature, made once; shows its uncertainty circle while it is on the map. */
  function markerFor(f) {
    if (f.marker) return f.marker;
    const [lon, lat] = f.geometry.coordinates;
    const marker = L.marker([lat, lon], { icon: iconFor(categoryOf(f)) });
    marker.bindPopup(() => popupFor(f));
    const p = f.properties;
    if (p.precision && p.precision !== 'exact' && p.uncertainty_km > 0) {
      const circle = L.circle([lat, lon], {
        radius: p.uncertainty_km * METRES_PER_KM, renderer: circleRenderer, interactive: false,
        color: COLOURS[categoryOf(f)], weight: 1, fillOpacity: 0.08,
      });
      marker.on('add', () => circles.addLayer(circle));
      marker.on('remove', () => circles.removeLayer(circle));
    }
    f.marker = marker;
    return marker;
  }

  function row(label, value) {
    return el('tr', null, null, [el('th', label), el('td', value)]);
  }

  /** Popup content built from DOM nodes only. */
  function popupFor(f) {
    const p = f.properties;
    const box = el('div', null, 'popup');
    box.appendChild(el('h3', p.title || '(untitled)'));
    const date = p.date_precision ? `${p.occurred_on} (${p.date_precision})` : p.occurred_on;
    const rows = [
      row('Date', date), row('Category', p.category), row('Fatalities', p.fatalities ?? 'unknown'),
      row('Location', p.location_text || ''), row('Precision', p.precision || ''),
      row('Uncertainty', p.uncertainty_km != null ? `${p.uncertainty_km} km` : ''),
    ];
    if (p.distance_km != null) rows.push(row('Distance', `${p.distance_km.toFixed(KM_DIGITS)} km`));
    box.appendChild(el('table', null, null, rows));
    if (p.summary) box.appendChild(el('p', p.summary, 'sentence'));
    if (p.source_url && /^https?:\/\//i.test(p.source_url)) {
      const a = el('a', 'Source');
      a.href = p.source_url;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      box.appendChild(a);
    }
    return box;
  }

  // ---- Filtering, counts, legend and histogram --------------------------------------------------

  const inDates = (p) => (!state.from || p.occurred_on >= state.from) && (!state.to || p.occurred_on <= state.to);
  const inCategories = (f) => state.categories.has(categoryOf(f));

  let rendering = false;

  function render() {
    rendering = true;
    document.body.dataset.ready = 'false';
    shown = incidents.filter((f) => inCategories(f) && inDates(f.properties));
    $('count').textContent = String(shown.length);
    renderLegend();
    renderHistogram();
    updateViewCount();
    updateDownloads();
    writeHash();
    updateMarkers();
  }

  /** Brings the clustered markers in line with `shown`: removes and adds only what changed,
   * unless starting over is cheaper (more to remove than to keep). */
  let onMap = new Set();
  function updateMarkers() {
    const next = new Set(shown);
    const leaving = [...onMap].filter((f) => !next.has(f));
    const restart = leaving.length > shown.length;
    if (restart) {
      cluster.clearLayers();
      circles.clearLayers();
    } else {
      cluster.removeLayers(leaving.map(markerFor));
    }
    const arriving = (restart ? shown : shown.filter((f) => !onMap.has(f))).map(markerFor);
    performance.mark('atlas-markers');
    cluster.addLayers(arriving);
    onMap = next;
  }

  /** Marks the page ready once the markers of the latest [render] are all clustered. */
  function onChunk(processed, total) {
    if (rendering && processed === total) {
      rendering = false;
      document.body.dataset.ready = 'true';
      document.body.dataset.renderMs = String(Math.round(performance.now()));
      performance.mark('atlas-rendered');
    }
  }

  function updateViewCount() {
    if (!map) return;
    const bounds = map.getBounds();
    const n = shown.filter((f) => bounds.contains(L.GeoJSON.coordsToLatLng(f.geometry.coordinates))).length;
    $('count-view').textContent = String(n);
  }

  function renderLegend() {
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
    incidents.forEach((f) => { if (inDates(f.properties)) counts[categoryOf(f)] += 1; });
    const items = CATEGORIES.map((c) => {
      const box = el('input');
      box.type = 'checkbox';
      box.value = c;
      box.id = `cat-${c}`;
      box.checked = state.categories.has(c);
      box.addEventListener('change', () => {
        if (box.checked) state.categories.add(c); else state.categories.delete(c);
        render();
      });
      const label = el('label', null, null, [box, el('span', '', `swatch pin-${c}`), el('span', c), el('span', counts[c], 'n')]);
      label.htmlFor = box.id;
      return el('li', null, null, [label]);
    });
    $('legend').replaceChildren(...items);
  }

  function renderHistogram() {
    const perMonth = new Map();
    incidents.forEach((f) => {
      if (!inCategories(f) || !f.properties.occurred_on) return;
      const month = f.properties.occurred_on.slice(0, 7);
      perMonth.set(month, (perMonth.get(month) || 0) + 1);
    });
    const months = monthsBetween([...perMonth.keys()].sort());
    const most = Math.max(1, ...perMonth.values());
    const bars = months.map((m) => {
      const n = perMonth.get(m) || 0;
      const bar = el('button', null, 'bar');
      bar.type = 'button';
      bar.title = `${m}: ${n}`;
      bar.style.height = `${(100 * n) / most}%`;
      const first = `${m}-01`;
      const last = `${m}-31`;
      if ((!state.from || last >= state.from) && (!state.to || first <= state.to)) bar.classList.add('in');
      bar.addEventListener('click', () => setDates(first, lastDayOf(m)));
      return bar;
    });
    $('histogram').replaceChildren(...bars);
    $('histogram-range').textContent = months.length ? `${months[0]} to ${months[months.length - 1]}, per month` : 'No dates yet';
  }

  /** Every month (`YYYY-MM`) from the first to the last of the sorted `months`, gaps included. */
  function monthsBetween(months) {
    if (!months.length) return [];
    const all = [];
    let [y, m] = months[0].split('-').map(Number);
    const last = months[months.length - 1];
    for (let month = months[0]; month <= last; month = `${y}-${String(m).padStart(2, '0')}`) {
      all.push(month);
      m += 1;
      if (m > MONTHS_PER_YEAR) { m = 1; y += 1; }
    }
    return all;
  }

  function lastDayOf(month) {
    const [y, m] = month.split('-').map(Number);
    return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }

  function setDates(from, to) {
    state.from = from;
    state.to = to;
    $('date-from').value = from;
    $('date-to').value = to;
    render();
  }

  // ---- Downloads and layers ---------------------------------------------------------------------

  /** Filter parameters of the current view: bbox (clamped to the globe), datetime, category. */
  function viewParams(category) {
    const q = new URLSearchParams();
    const b = map.getBounds();
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(COORD_DIGITS);
    if (b.getEast() - b.getWest() < 360) {
      q.set('bbox', [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(','));
    }
    if (state.from || state.to) q.set('datetime', `${state.from || '..'}/${state.to || '..'}`);
    if (category) q.set('category', category);
    return q.toString();
  }

  function downloadLink(text, href, id) {
    const a = el('a', text, 'download');
    a.href = href;
    a.setAttribute('download', '');
    if (id) a.id = id;
    return a;
  }

  /** A link to the current view in `format`, for one category or (`null`) every checked one. */
  function viewDownload(format, category, single) {
    const a = downloadLink(format === 'geojson' ? 'GeoJSON' : 'CSV', `/api/layers/all.${format}?${viewParams(category)}`,
      single ? `download-${format}` : null);
    a.dataset.format = format;
    a.dataset.category = category || 'all';
    return a;
  }

  function updateDownloads() {
    if (!map) return;
    const all = state.categories.size === CATEGORIES.length;
    const groups = all ? [null] : [...state.categories];
    const single = groups.length === 1;
    const items = groups.map((c) => el('li', null, null, [
      el('span', c ? `${c}: ` : 'All categories: '),
      viewDownload('geojson', c, single), el('span', ' · '), viewDownload('csv', c, single),
    ]));
    $('downloads').replaceChildren(...(items.length ? items : [el('li', 'No category selected.')]));
  }

  async function loadLayers() {
    const layers = await request('/api/layers');
    $('layers').replaceChildren(...layers.map((l) => el('li', null, null, [
      downloadLink(`${l.title} (${l.count})`, l.href),
      el('span', ' · '),
      downloadLink('CSV', l.csv_href || l.href.replace(/\.geojson$/, '.csv')),
    ])));
  }

  // ---- Near a point -----------------------------------------------------------------------------

  async function nearQuery(lat, lon) {
    const radiusKm = Number($('radius').value);
    if (!(radiusKm > 0)) {
      $('near-status').textContent = 'Set a radius in km first.';
      return;
    }
    state.near = { lat, lon, radiusKm };
    writeHash();
    nearLayer.clearLayers();
    L.circle([lat, lon], { radius: radiusKm * METRES_PER_KM, className: 'near-circle', interactive: false }).addTo(nearLayer);
    const q = new URLSearchParams({ lat, lon, radius_km: radiusKm, limit: NEAR_LIMIT });
    try {
      const found = await request(`/api/incidents/near?${q}`);
      const items = found.features.map((f) => {
        const p = f.properties;
        const li = el('li', null, 'result', [
          el('span', `${p.distance_km.toFixed(KM_DIGITS)} km`, 'distance'),
          el('span', p.title || '(untitled)', 'title'),
          el('span', `${p.category}, ${p.occurred_on}`, 'meta'),
        ]);
        li.dataset.distanceKm = String(p.distance_km);
        li.tabIndex = 0;
        li.addEventListener('click', () => showIncident(f));
        return li;
      });
      $('near-list').replaceChildren(...items);
      $('near-status').textContent = `${items.length} within ${radiusKm} km of ${lat.toFixed(COORD_DIGITS)}, ${lon.toFixed(COORD_DIGITS)}, nearest first.`;
    } catch (e) {
      $('near-status').textContent = e.message;
    }
  }

  /** Opens an incident's popup, zooming into its cluster when it is one of ours. */
  function showIncident(f) {
    const known = incidents.find((g) => g.id === f.id);
    if (known && known.marker && cluster.hasLayer(known.marker)) {
      cluster.zoomToShowLayer(known.marker, () => known.marker.openPopup());
    } else {
      const [lon, lat] = f.geometry.coordinates;
      L.popup().setLatLng([lat, lon]).setContent(popupFor(f)).openOn(map);
    }
  }

  async function search(event) {
    event.preventDefault();
    const q = $('search').value.trim();
    if (!q) return;
    try {
      const loc = await request(`/api/geocode?q=${encodeURIComponent(q)}`);
      $('near-status').textContent = `${q}: ${loc.precision}, ±${loc.uncertainty_km} km`;
      map.setView([loc.lat, loc.lon], Math.max(map.getZoom(), ARTICLE_FIT_MAX_ZOOM - 1));
      await nearQuery(loc.lat, loc.lon);
    } catch (e) {
      $('near-status').textContent = `${q}: ${e.message}`;
    }
  }

  // ---- Articles ---------------------------------------------------------------------------------

  async function submitArticle(event) {
    event.preventDefault();
    const body = {
      text: $('article-text').value,
      published: $('article-published').value,
      source_url: $('article-source').value,
    };
    $('article-status').textContent = 'Extracting…';
    try {
      const found = await request('/api/articles', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      const known = new Set(incidents.map((f) => f.id));
      found.features.forEach((f) => { if (!known.has(f.id)) incidents.push(f); });
      render();
      $('article-list').replaceChildren(...found.features.map((f) => {
        const li = el('li', null, 'result', [
          el('span', f.properties.title || '(untitled)', 'title'),
          el('span', `${f.properties.category}, ${f.properties.occurred_on}, ${f.properties.location_text || ''}`, 'meta'),
          el('span', f.properties.summary || '', 'sentence'),
        ]);
        li.addEventListener('click', () => showIncident(f));
        return li;
      }));
      $('article-status').textContent = `${found.features.length} incidents extracted.`;
      if (found.features.length) {
        map.fitBounds(L.geoJSON(found).getBounds(), { padding: [FIT_PADDING_PX, FIT_PADDING_PX], maxZoom: ARTICLE_FIT_MAX_ZOOM });
      }
    } catch (e) {
      $('article-status').textContent = e.message;
    }
  }

  // ---- Start ------------------------------------------------------------------------------------

  function bindControls() {
    $('date-from').value = state.from;
    $('date-to').value = state.to;
    $('date-from').addEventListener('change', (e) => { state.from = e.target.value; render(); });
    $('date-to').addEventListener('change', (e) => { state.to = e.target.value; render(); });
    $('date-clear').addEventListener('click', () => setDates('', ''));
    if (state.near) $('radius').value = String(state.near.radiusKm);
    $('search-form').addEventListener('submit', search);
    $('article-form').addEventListener('submit', submitArticle);
    $('panel-toggle').addEventListener('click', () => {
      const open = $('panel').classList.toggle('open');
      $('panel-toggle').setAttribute('aria-expanded', String(open));
    });
  }

  async function start() {
    readHash();
    bindControls();
    const config = await request('/config.json').catch(() => ({}));
    initMap(config);
    try {
      incidents = (await request(INCIDENTS_URL)).features;
      performance.mark('atlas-fetched');
    } catch (e) {
      $('count').textContent = '0';
      $('near-status').textContent = `Could not load incidents: ${e.message}`;
    }
    render();
    loadLayers().catch((e) => console.warn('layers:', e.message));
    if (state.near) nearQuery(state.near.lat, state.near.lon);
  }

  start();
}());
