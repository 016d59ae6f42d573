'use strict';
// The page uses only the HTTP API described in api/openapi.json.
const main = document.getElementById('main');
const FILTERS = [['entity', 'Entity id or text'], ['unit', 'Unit'], ['kind', 'Figure kind'], ['min-value', 'Min value'],
  ['max-value', 'Max value'], ['lang', 'Language'], ['since', 'Since'], ['until', 'Until'], ['text', 'Words']];
const KINDS = ['', 'COUNT', 'NUMBER', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'DATE', 'DURATION', 'RANGE'];
let timer = null;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function day(instant) { return instant ? instant.slice(0, 10) : '-'; }
function number(value, digits = 1) { return value === null || value === undefined ? '-' : Number(value).toFixed(digits); }

function route() {
  clearInterval(timer);
  const [path, query] = location.hash.slice(1).split('?');
  const page = path.split('/')[1] || 'stories';
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('current', a.dataset.page === page));
  const params = new URLSearchParams(query || '');
  const show = { stories: () => stories(params), story: () => story(decodeURIComponent(path.split('/')[2] || '')),
    pipeline: pipeline, failed: failed }[page] || (() => stories(params));
  show().catch(e => main.replaceChildren(el('p', { class: 'error' }, e.message)));
}

async function stories(params) {
  const form = el('form', { class: 'filters' }, FILTERS.map(([name, label]) => el('label', {}, label,
    name === 'kind' ? el('select', { name }, KINDS.map(k => el('option', { value: k }, k || 'any')))
      : name === 'lang' ? el('select', { name }, ['', 'ar', 'en'].map(l => el('option', { value: l }, l || 'any')))
        : el('input', { name, type: name.endsWith('value') ? 'number' : ['since', 'until'].includes(name) ? 'date' : 'text',
          step: 'any' }))), el('button', { type: 'submit' }, 'Search'));
  for (const [name] of FILTERS) form.elements[name].value = params.get(name) || '';
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const [name] of FILTERS) if (form.elements[name].value) chosen.set(name, form.elements[name].value);
    location.hash = '#/stories?' + chosen;
  });
  const page = await api('api/articles?' + params);
  const rows = page.articles.map(a => el('tr', { class: 'story', 'data-id': a.id },
    el('td', {}, day(a.publishedAt)), el('td', {}, a.language),
    el('td', { dir: 'auto' }, el('a', { class: 'headline', href: '#/story/' + encodeURIComponent(a.id) }, a.headline)),
    el('td', {}, a.entities.filter(e => e.canonicalId).map(e => el('span', { class: 'chip', dir: 'auto' }, e.canonicalId))),
    el('td', {}, a.figures.map(f => el('span', { class: 'chip', dir: 'auto' }, f.text)))));
  const pageLink = (offset, label) => {
    const next = new URLSearchParams(params);
    next.set('offset', offset);
    return el('a', { href: '#/stories?' + next }, label);
  };
  main.replaceChildren(form,
    el('table', {}, el('thead', {}, el('tr', {}, ['Date', 'Lang', 'Headline', 'Entities', 'Figures'].map(h => el('th', {}, h)))),
      el('tbody', {}, rows)),
    el('div', { class: 'paging' }, page.offset > 0 ? pageLink(Math.max(0, page.offset - page.limit), '‹ newer') : null,
      el('span', { class: 'count muted' }, rows.length ? `${page.offset + 1}–${page.offset + rows.length}` : 'no stories match'),
      page.next !== null ? pageLink(page.next, 'older ›') : null));
}

function highlighted(text, entities, figures) {
  const spans = [...entities.map(e => ({ ...e, what: 'entity' })), ...figures.map(f => ({ ...f, what: 'figure' }))]
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > text.length) continue; // nested or overlapping: the outer span wins
    out.push(text.slice(at, span.start));
    const inner = text.slice(span.start, span.end);
    if (span.what === 'entity') {
      out.push(el('mark', { class: 'entity ' + span.type, 'data-id': span.canonicalId, title: span.type + (span.canonicalId ? ' ' + span.canonicalId : '') },
        span.canonicalId ? el('a', { href: '#/stories?entity=' + encodeURIComponent(span.canonicalId) }, inner) : inner));
    } else {
      out.push(el('mark', { class: 'figure', 'data-kind': span.kind,
        title: [span.kind, span.isoValue || span.value, span.currency || span.unit].filter(x => x).join(' ') }, inner));
    }
    at = span.end;
  }
  out.push(text.slice(at));
  return out;
}

async function story(id) {
  const s = await api('api/articles/' + encodeURIComponent(id));
  const text = s.headline + '\n\n' + s.body;
  const related = s.related.map(r => el('li', {}, el('a', { href: '#/story/' + encodeURIComponent(r.id), dir: 'auto' }, r.headline),
    ' ', el('span', { class: 'muted' }, `${r.language} · ${day(r.publishedAt)} · shares ${r.sharedId}`)));
  main.replaceChildren(
    el('p', { class: 'muted' }, `${s.language} · ${day(s.publishedAt)} · ${s.source}`),
    el('div', { class: 'text', dir: s.language === 'ar' ? 'rtl' : 'ltr', lang: s.language }, highlighted(text, s.entities, s.figures)),
    el('h3', {}, 'Entities'),
    el('table', {}, s.entities.map(e => el('tr', {}, el('td', {}, e.type), el('td', { dir: 'auto' }, e.text),
      el('td', {}, e.canonicalId ? el('a', { href: '#/stories?entity=' + encodeURIComponent(e.canonicalId) }, e.canonicalId) : '-')))),
    el('h3', {}, 'Figures'),
    el('table', {}, s.figures.map(f => el('tr', {}, el('td', {}, f.kind), el('td', { dir: 'auto' }, f.text),
      el('td', {}, f.isoValue || (f.min !== null ? `${f.min}–${f.max}` : f.value)), el('td', { dir: 'auto' }, f.currency || f.unit || '')))),
    el('h3', {}, 'Stories sharing an entity'),
    related.length ? el('ul', { class: 'related' }, related) : el('p', { class: 'muted' }, 'none'));
}

function sparkline(values, label) {
  const width = 160, height = 28;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('aria-label', label);
  const points = values.filter(v => v !== null && Number.isFinite(v));
  if (points.length > 1) {
    const max = Math.max(...points, 1e-9);
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', '#2a6ebb');
    line.setAttribute('points', points.map((v, i) =>
      `${(i / (points.length - 1) * (width - 2) + 1).toFixed(1)},${(height - 2 - v / max * (height - 4)).toFixed(1)}`).join(' '));
    svg.append(line);
  }
  return svg;
}

function rates(history) {
  const out = [];
  for (let i = 1; i < history.length; i++) {
    const seconds = (Date.parse(history[i].at) - Date.parse(history[i - 1].at)) / 1000;
    out.push(seconds > 0 ? (history[i].recordsOut - history[i - 1].recordsOut) / seconds : null);
  }
  return out;
}

async function pipeline() {
  const draw = async () => {
    const ops = await api('api/ops');
    const heads = ['Stage', 'Instance', 'State', 'In', 'Out', 'Out/s (last hour)', 'Lag (last hour)', 'Dead letters',
      'Duplicates', 'p50 ms', 'p99 ms', 'Reported', 'Last error'];
    const rows = ops.instances.map(i => el('tr', { class: 'instance' }, el('td', {}, i.stage), el('td', {}, i.instanceId),
      el('td', {}, i.state), el('td', {}, i.recordsIn), el('td', {}, i.recordsOut),
      el('td', {}, number(i.outPerSecond), ' ', sparkline(rates(i.history), 'records out per second')),
      el('td', {}, i.lag ?? '-', ' ', sparkline(i.history.map(p => p.lag), 'consumer lag')),
      el('td', {}, i.deadLettered), el('td', {}, i.duplicatesDropped), el('td', {}, number(i.latencyP50Ms)),
      el('td', {}, number(i.latencyP99Ms)), el('td', {}, new Date(i.reportedAt).toLocaleTimeString()),
      el('td', { class: i.lastError ? 'error' : '' }, i.lastError || '')));
    main.replaceChildren(rows.length
      ? el('table', {}, el('thead', {}, el('tr', {}, heads.map(h => el('th', {}, h)))), el('tbody', {}, rows))
      : el('p', { class: 'muted' }, 'no reports on news.ops in the last hour'));
  };
  await draw();
  timer = setInterval(() => draw().catch(e => main.replaceChildren(el('p', { class: 'error' }, e.message))), 2000);
}

async function failed() {
  const list = await api('api/failed');
  const cards = list.records.map(r => {
    const result = el('span', { class: 'replay-result' });
    const button = r.replayable ? el('button', { class: 'replay' }, 'Replay to news.raw') : null;
    if (button) {
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          const done = await api(`api/failed/${encodeURIComponent(r.topic)}/${r.partition}/${r.offset}/replay`, { method: 'POST' });
          result.textContent = `replayed to ${done.to}`;
        } catch (e) {
          result.textContent = e.message;
          result.classList.add('error');
          button.disabled = false;
        }
      });
    }
    return el('div', { class: 'failed', 'data-topic': r.topic, 'data-offset': r.offset },
      el('div', {}, el('strong', {}, `${r.topic}-${r.partition}@${r.offset}`), ' ',
        el('span', { class: 'muted' }, new Date(r.timestamp).toLocaleString()), ' ', r.headline ? el('span', { dir: 'auto' }, r.headline) : null),
      el('p', { class: 'reason' }, r.reason || '(no reason given)'),
      el('dl', { class: 'headers' }, Object.entries(r.headers).flatMap(([k, v]) => [el('dt', {}, k), el('dd', { dir: 'auto' }, v)])),
      button, ' ', result);
  });
  main.replaceChildren(cards.length ? el('div', {}, cards) : el('p', { class: 'muted' }, 'no dead letters or rejects'));
}

window.addEventListener('hashchange', route);
route();
