// Tender's dashboard: one page that calls the node's /v1 API with the token its user signed in
// with. The API decides what a role may see and do; the page only leaves out what would be refused.
// Every value the API returns is written as text, never as markup.
'use strict';

const POLL_MS = 1000;
const STATES = ['OPEN', 'FULFILLED', 'PARTIAL', 'UNFULFILLED', 'REJECTED', 'CANCELLED'];
const COLOURS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#0a7d8c', '#57606a'];

// -- markup

/** An element with attributes (on* are listeners) and children (strings become text). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'style') Object.assign(node.style, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

function table(id, caption, headers, rows, empty) {
  if (rows.length === 0) return el('p', {id, class: 'empty'}, empty);
  return tableOf(id, caption, headers, el('tbody', {}, rows));
}

function tableOf(id, caption, headers, body) {
  return el('table', {id}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {scope: 'col'}, h)))), body);
}

const rowKeys = new WeakMap();

/**
 * A table whose rows stay in place while what they show is unchanged: a poll then leaves alone
 * the focus, and whatever was typed in a row.
 */
function keyedTable(target, id, caption, headers, items, rowOf, empty) {
  if (items.length === 0) return replace(target, el('p', {id, class: 'empty'}, empty));
  let body = target.querySelector(`table#${CSS.escape(id)} > tbody`);
  if (!body) {
    body = el('tbody');
    replace(target, tableOf(id, caption, headers, body));
  }
  const kept = new Map([...body.rows].map(row => [rowKeys.get(row), row]));
  const rows = items.map(item => {
    const key = JSON.stringify(item);
    const row = kept.get(key) || rowOf(item);
    rowKeys.set(row, key);
    return row;
  });
  for (const row of [...body.rows]) if (!rows.includes(row)) row.remove();
  rows.forEach((row, i) => {
    if (body.rows[i] !== row) body.insertBefore(row, body.rows[i] || null);
  });
}

function field(id, label, input, hint) {
  const error = el('p', {class: 'field-error', id: `${id}-error`, hidden: true});
  input.id = id;
  input.setAttribute('aria-describedby', hint ? `${id}-hint ${id}-error` : `${id}-error`);
  return el('div', {class: 'field'},
    el('label', {for: id}, label),
    input,
    hint ? el('p', {class: 'hint', id: `${id}-hint`}, hint) : null,
    error);
}

function select(name, options, chosen) {
  return el('select', {name}, options.map(([value, text]) =>
    el('option', {value, selected: value === chosen}, text)));
}

// -- formats

const number = new Intl.NumberFormat('en-US');
const dollars = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD', maximumFractionDigits: 2});

function units(n) { return n === null || n === undefined ? '—' : number.format(n); }
function usd(n) { return n === null || n === undefined ? '—' : dollars.format(n); }
function when(iso) { return iso ? iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1 UTC') : '—'; }
function day(iso) { return iso ? iso.slice(0, 10) : 'open-ended'; }

/** "2d 4h 10m 5s left", or "deadline passed" once it is. */
function countdown(deadline) {
  const millis = Date.parse(deadline) - Date.now();
  if (millis <= 0) return 'deadline passed';
  let seconds = Math.ceil(millis / 1000);
  const parts = [];
  for (const [size, unit] of [[86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']]) {
    const count = Math.floor(seconds / size);
    seconds -= count * size;
    if (count > 0 || parts.length > 0) parts.push(count + unit);
  }
  return parts.join(' ') + ' left';
}

/** A deadline with its countdown; the page's ticker keeps the countdown current. */
function deadline(iso) {
  return el('span', {class: 'deadline'}, when(iso), ' ',
    el('span', {class: 'countdown', 'data-deadline': iso}, `(${countdown(iso)})`));
}

function tick() {
  for (const span of document.querySelectorAll('[data-deadline]')) {
    span.textContent = `(${countdown(span.dataset.deadline)})`;
  }
}

// -- the session: the token lives in this tab only (sessionStorage), never in a cookie

const session = {
  get() {
    const saved = sessionStorage.getItem('tender.session');
    return saved ? JSON.parse(saved) : null;
  },
  set(token, me) { sessionStorage.setItem('tender.session', JSON.stringify({token, ...me})); },
  clear() { sessionStorage.removeItem('tender.session'); },
};

/**
 * Calls the API; answers {status, ok, body} with the body as JSON or text, as the node sent it.
 * A token given is tried as is (signing in); otherwise the session's, and a 401 ends the session.
 */
async function api(method, path, body, token, extraHeaders) {
  const headers = {Authorization: `Bearer ${token || (session.get() || {}).token || ''}`, ...extraHeaders};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    return {status: 0, ok: false, body: {title: 'Unreachable', detail: 'the node cannot be reached; is it running?'}};
  }
  const type = response.headers.get('Content-Type') || '';
  let payload;
  try {
    payload = type.includes('json') ? await response.json() : await response.text();
  } catch (e) {
    payload = {title: 'Unreadable answer', detail: `the node answered ${response.status} with a body that does not read`};
  }
  if (response.status === 401 && !token) {
    session.clear();
    go('#/signin', 'Your token is no longer accepted; sign in again.');
  }
  return {status: response.status, ok: response.ok, body: payload};
}

function problem(answer) {
  const body = answer.body || {};
  return el('p', {class: 'problem', role: 'alert', id: 'problem'},
    `${body.title || 'Refused'}: ${body.detail || answer.status}`);
}

// -- pages: each gets a context whose timers stop when the user leaves it

let current = null;

class Page {
  constructor() { this.alive = true; this.timers = new Set(); this.charts = new Map(); this.shown = new Map(); }

  /** A fresh list for the charts of one part of the page, the charts it held before destroyed. */
  chartsOf(part) {
    (this.charts.get(part) || []).forEach(chart => chart.destroy());
    const charts = [];
    this.charts.set(part, charts);
    return charts;
  }

  /**
   * Runs work now and then every ms after each run ends, while the page is shown. Work returns
   * the answer that failed, if one did, and the footer says so.
   */
  every(ms, work) {
    const run = async () => {
      if (!this.alive) return;
      try {
        // A tab in the background asks nothing; it catches up within a poll of being shown.
        if (!document.hidden) {
          const failed = await work();
          footer(failed ? `Not updated: ${problem(failed).textContent}` : null);
        }
      } catch (e) {
        footer(`Not updated: ${e.message}`);
      } finally {
        this.later(run, ms);
      }
    };
    run();
  }

  later(work, ms) {
    if (!this.alive) return;
    const id = setTimeout(() => {
      this.timers.delete(id);
      work();
    }, ms);
    this.timers.add(id);
  }

  /** Keeps the countdowns of the page current, each second. */
  ticker() {
    const run = () => {
      tick();
      this.later(run, 1000);
    };
    run();
  }

  /** Shows a refused answer in target; the next good answer redraws it, even if unchanged since. */
  fail(target, answer) {
    this.shown.delete(target);
    replace(target, problem(answer));
    return answer;
  }

  /** Redraws target from data only when data changed, so a poll does not take the focus away. */
  show(target, data, draw) {
    const key = JSON.stringify(data);
    if (this.shown.get(target) === key) return;
    this.shown.set(target, key);
    draw(target, data);
  }

  leave() {
    this.alive = false;
    this.timers.forEach(clearTimeout);
    this.charts.forEach(charts => charts.forEach(chart => chart.destroy()));
  }
}

function footer(failure) {
  document.getElementById('live').textContent =
    failure || `Updated ${new Date().toISOString().slice(11, 19)} UTC`;
}

const routes = [
  {path: /^\/signin$/, page: signInPage},
  {path: /^\/overview$/, page: overviewPage, roles: ['admin', 'tenant']},
  {path: /^\/requests$/, page: requestsPage, roles: ['admin', 'tenant']},
  {path: /^\/requests\/([^/]+)$/, page: requestPage, roles: ['admin', 'tenant']},
  {path: /^\/submit$/, page: submitPage, roles: ['tenant']},
  {path: /^\/desk$/, page: deskPage, roles: ['provider']},
  {path: /^\/offers\/([^/]+)$/, page: offerPage, roles: ['provider']},
  {path: /^\/agreements$/, page: agreementsPage, roles: ['admin']},
];

const NAV = {
  admin: [['#/overview', 'Overview'], ['#/requests', 'Requests'], ['#/agreements', 'Agreements']],
  tenant: [['#/overview', 'Overview'], ['#/requests', 'My requests'], ['#/submit', 'New request']],
  provider: [['#/desk', 'Offer desk']],
};

function home(me) { return me && me.kind === 'provider' ? '#/desk' : '#/overview'; }

let notice = null;

function go(hash, message) {
  notice = message || null;
  if (location.hash === hash) route();
  else location.hash = hash;
}

function route() {
  if (current) current.leave();
  current = new Page();
  const me = session.get();
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  header(me);
  const main = document.getElementById('main');
  main.replaceChildren();
  if (notice) main.append(el('p', {class: 'notice', role: 'status'}, notice));
  notice = null;
  const found = routes.find(r => r.path.test(path));
  if (!me && (!found || found.page !== signInPage)) return go('#/signin');
  if (!found || found.page === signInPage && me) return go(home(me));
  if (found.roles && !found.roles.includes(me.kind)) {
    main.append(el('h1', {}, 'Not for this role'),
      el('p', {role: 'alert', id: 'problem'}, `This page is not open to ${me.role}.`));
    return;
  }
  let args;
  try {
    args = path.match(found.path).slice(1).map(decodeURIComponent);
  } catch (e) {
    main.append(el('h1', {}, 'No such page'), el('p', {role: 'alert', id: 'problem'}, `The address ${path} is malformed.`));
    return;
  }
  found.page(main, current, me, params, ...args);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({preventScroll: true});
    document.title = `${heading.textContent} · Tender`;
  }
}

function header(me) {
  const nav = document.getElementById('nav');
  const links = me ? NAV[me.kind] : [];
  replace(nav, el('ul', {}, links.map(([href, text]) => el('li', {},
    el('a', {href, 'aria-current': location.hash.startsWith(href) ? 'page' : null}, text)))));
  document.getElementById('whoami').textContent = me ? `Signed in as ${me.role}` : '';
  document.getElementById('signout').hidden = !me;
}

// -- sign in

function signInPage(main) {
  const token = el('input', {name: 'token', type: 'password', autocomplete: 'off', required: true});
  const form = el('form', {id: 'signin', novalidate: true},
    field('token', 'Token', token, 'The token that "tender token create" printed for you.'),
    el('button', {type: 'submit'}, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const error = document.getElementById('token-error');
    const answer = await api('GET', '/v1/me', undefined, token.value.trim());
    if (!answer.ok) {
      error.hidden = false;
      error.textContent = answer.status === 401 ? 'This token is not known to the node.' : problem(answer).textContent;
      token.setAttribute('aria-invalid', 'true');
      token.focus();
      return;
    }
    session.set(token.value.trim(), answer.body);
    go(home(answer.body));
  });
  append(main, el('h1', {}, 'Sign in'),
    el('p', {}, 'Your token decides what you see: the admin sees everything, a tenant its own requests, ' +
      'a provider the offers made to it.'),
    form);
}

// -- overview

function overviewPage(main, page, me) {
  const states = el('div'), capacity = el('div', {id: 'capacity'}), agreements = el('div'), commitments = el('div');
  const title = el('h1', {}, 'Overview');
  append(main, title,
    el('section', {'aria-labelledby': 'states-h'}, el('h2', {id: 'states-h'},
      me.kind === 'tenant' ? 'My requests by state' : 'Requests by state'), states),
    el('section', {'aria-labelledby': 'capacity-h'}, el('h2', {id: 'capacity-h'}, 'Capacity per provider'),
      el('p', {class: 'hint'}, 'Units online, held by quotes not yet awarded, and awarded, from now to the horizon.'),
      capacity),
    el('section', {'aria-labelledby': 'agreements-h'}, el('h2', {id: 'agreements-h'}, 'Agreements'), agreements),
    el('section', {'aria-labelledby': 'commitments-h'}, el('h2', {id: 'commitments-h'}, 'Commitments'),
      commitments));
  page.every(2 * POLL_MS, async () => {
    const answer = await api('GET', '/v1/overview');
    if (!answer.ok) return page.fail(states, answer);
    const o = answer.body;
    title.textContent = `Overview of ${o.world}`;
    page.show(states, o.requests, drawStates);
    page.show(capacity, o.capacity, (target, data) => drawCapacity(page, target, data));
    page.show(agreements, {list: o.agreements, at: o.at.slice(0, 10), end: o.catalog.horizon},
      (target, data) => replace(target, timeline(data.list, data.end)));
    page.show(commitments, {list: o.commitments, horizon: o.catalog.horizon},
      (target, data) => drawCommitments(page, target, data.list, data.horizon));
  });
}

function drawStates(target, counts) {
  replace(target, table('request-states', 'Requests by state', ['State', 'Requests'],
    STATES.map(state => el('tr', {'data-state': state},
      el('th', {scope: 'row'}, el('a', {href: `#/requests?state=${state}`}, state)),
      el('td', {class: 'count num'}, units(counts[state] || 0)))), ''));
}

function drawCapacity(page, target, data) {
  const drawn = page.chartsOf('capacity');
  target.replaceChildren();
  const now = el('tbody');
  for (const p of data.providers) {
    now.append(el('tr', {'data-provider': p.provider}, el('th', {scope: 'row'}, p.provider),
      el('td', {class: 'num'}, units(p.online[0])), el('td', {class: 'num'}, units(p.held[0])),
      el('td', {class: 'num'}, units(p.awarded[0]))));
  }
  const charts = el('div', {class: 'charts'});
  const every = Math.max(1, Math.floor(data.times.length / 20));
  const sampled = data.times.map((t, i) => i).filter(i => i % every === 0);
  target.append(charts,
    tableOf('capacity-now', `Units now (${when(data.times[0])})`, ['Provider', 'Online', 'Held', 'Awarded'], now),
    el('details', {}, el('summary', {}, 'The charts\' figures, online / held / awarded'),
      tableOf('capacity-series', 'Units per provider over time', ['At', ...data.providers.map(p => p.provider)],
        el('tbody', {}, sampled.map(i => el('tr', {}, el('th', {scope: 'row'}, day(data.times[i])),
          data.providers.map(p => el('td', {class: 'num'},
            `${units(p.online[i])} / ${units(p.held[i])} / ${units(p.awarded[i])}`))))))));
  if (typeof uPlot === 'undefined') return;
  const times = data.times.map(t => Date.parse(t) / 1000);
  for (const measure of ['online', 'held', 'awarded']) {
    const box = el('figure', {class: 'chart', id: `capacity-${measure}`},
      el('figcaption', {}, `Units ${measure}`));
    charts.append(box);
    const width = Math.max(280, Math.floor((target.clientWidth || 900) / 3) - 16);
    drawn.push(new uPlot({
      width, height: 200, tzDate: utc,
      scales: {x: {time: true}},
      axes: [{}, {size: 60, values: (u, ticks) => ticks.map(v => compact(v))}],
      series: [{}, ...data.providers.map((p, i) => ({
        label: p.provider, stroke: COLOURS[i % COLOURS.length], width: 2, value: (u, v) => units(v)}))],
    }, [times, ...data.providers.map(p => p[measure])], box));
  }
}

function utc(seconds) { return uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'); }

function compact(v) {
  return v >= 1e9 ? `${v / 1e9}B` : v >= 1e6 ? `${v / 1e6}M` : v >= 1e3 ? `${v / 1e3}k` : String(v);
}

/** Each clause as a bar from its start to its end (or the horizon) on one dated axis, with today marked. */
function timeline(agreements, horizon) {
  if (agreements.length === 0) return el('p', {class: 'empty'}, 'No clause is in the world.');
  const today = Date.now();
  const start = Math.min(today, ...agreements.map(a => Date.parse(a.from)));
  const end = Math.max(Date.parse(horizon), ...agreements.map(a => a.until ? Date.parse(a.until) : 0));
  const at = t => `${(100 * (t - start) / (end - start)).toFixed(2)}%`;
  const years = [];
  for (let y = new Date(start).getUTCFullYear() + 1; Date.UTC(y, 0, 1) < end; y++) {
    years.push(el('span', {class: 'year', style: {left: at(Date.UTC(y, 0, 1))}}, String(y)));
  }
  return el('div', {class: 'timeline', id: 'agreements-timeline', role: 'list'},
    el('div', {class: 'axis', 'aria-hidden': 'true'}, years,
      el('span', {class: 'today', style: {left: at(today)}}, 'today')),
    agreements.map(a => {
      const from = Date.parse(a.from), until = a.until ? Date.parse(a.until) : end;
      return el('div', {class: 'lane', role: 'listitem', 'data-agreement': a.id},
        el('span', {class: 'lane-name'}, `${a.id} `, el('small', {}, `${a.kind} · ${a.holder || a.provider}`)),
        el('span', {class: 'track'},
          el('span', {class: `bar ${a.kind}${a.inForce ? ' in-force' : ''}`,
            style: {left: at(from), width: at(start + Math.max(until - from, (end - start) / 200))}},
          el('span', {class: 'visually-hidden'}, ` from ${day(a.from)} until ${day(a.until)}`
            + (a.inForce ? ', in force today' : ', not in force today'))),
          el('span', {class: 'today-line', style: {left: at(today)}, 'aria-hidden': 'true'})));
    }));
}

function drawCommitments(page, target, commitments, horizon) {
  const drawn = page.chartsOf('commitments');
  const charts = el('div', {class: 'charts'});
  replace(target, charts, table('commitments', 'Commitments and the spend counted toward them',
    ['Commitment', 'Provider', 'Period', 'Spent of amount', 'Still to spend', 'Period gone', 'Met'],
    commitments.map(c => {
      const from = Date.parse(c.from), until = c.until ? Date.parse(c.until) : null;
      const gone = until ? Math.min(1, Math.max(0, (Date.now() - from) / (until - from))) : null;
      return el('tr', {'data-agreement': c.agreement},
        el('th', {scope: 'row'}, c.agreement), el('td', {}, c.provider),
        el('td', {}, `${day(c.from)} to ${day(c.until)}`),
        el('td', {}, el('progress', {max: c.amount, value: Math.min(c.spent, c.amount),
          'aria-label': `${c.agreement}: ${usd(c.spent)} of ${usd(c.amount)}`}),
        ` ${usd(c.spent)} of ${usd(c.amount)}`),
        el('td', {class: 'num shortfall'}, usd(c.shortfall)),
        el('td', {class: 'num'}, gone === null ? '—' : `${Math.round(100 * gone)}%`),
        el('td', {}, c.metAt ? `met ${when(c.metAt)}` : 'not yet'));
    }), 'No commitment is in the world.'));
  if (typeof uPlot === 'undefined') return;
  for (const c of commitments) {
    const box = el('figure', {class: 'chart', id: `burndown-${c.agreement}`},
      el('figcaption', {}, `${c.agreement}: still to spend`));
    charts.append(box);
    drawn.push(new uPlot({
      width: 560, height: 220, tzDate: utc,
      scales: {x: {time: true}},
      axes: [{}, {size: 70, values: (u, ticks) => ticks.map(v => '$' + compact(v))}],
      series: [{}, {label: 'still to spend', stroke: COLOURS[0], width: 2, value: (u, v) => usd(v),
        paths: uPlot.paths.stepped({align: 1})},
      {label: 'even pace', stroke: COLOURS[7], dash: [6, 4], width: 1, value: (u, v) => usd(v)}],
    }, burndown(c, horizon), box));
  }
}

/**
 * Times (seconds), what was still to spend at each up to now, and what an even pace over the
 * period would leave: the amount at its start, nothing at its end (the horizon, if open-ended).
 * A day's spend is drawn at the day's end (or now, if sooner), within the period.
 */
function burndown(c, horizon) {
  const from = Date.parse(c.from), until = Date.parse(c.until || horizon), now = Date.now();
  const last = Math.min(now, until);
  const within = t => Math.min(Math.max(t, from), last);
  const spentBy = new Map();
  for (const h of c.history) spentBy.set(within(Date.parse(h.day) + 86400000), h.spent);
  spentBy.set(last, c.spent);
  const times = [...new Set([from, ...spentBy.keys(), until])].sort((a, b) => a - b);
  let spent = 0;
  const left = times.map(t => {
    if (spentBy.has(t)) spent = spentBy.get(t);
    return t > last ? null : Math.max(0, c.amount - spent);
  });
  const pace = times.map(t => Math.max(0, c.amount * (1 - Math.max(0, t - from) / (until - from))));
  return [times.map(t => t / 1000), left, pace];
}

// -- requests

function requestsPage(main, page, me, params) {
  const state = params.get('state') || '';
  const cursor = params.get('cursor') || '';
  const filter = select('state', [['', 'Any state'], ...STATES.map(s => [s, s])], state);
  filter.addEventListener('change', () => go(`#/requests${filter.value ? `?state=${filter.value}` : ''}`));
  const list = el('div'), next = el('div');
  append(main, el('h1', {}, me.kind === 'tenant' ? 'My requests' : 'Requests'),
    el('form', {class: 'filters', onsubmit: e => e.preventDefault()}, field('state-filter', 'State', filter)),
    me.kind === 'tenant' ? el('p', {}, el('a', {href: '#/submit'}, 'Submit a new request')) : null,
    list, next);
  const query = new URLSearchParams({limit: '500'});
  if (state) query.set('state', state);
  if (cursor) query.set('cursor', cursor);
  page.every(2 * POLL_MS, async () => {
    const answer = await api('GET', `/v1/requests?${query}`);
    if (!answer.ok) return page.fail(list, answer);
    keyedTable(list, 'requests', 'Requests, in the order submitted',
      ['Request', ...(me.kind === 'admin' ? ['Tenant'] : []), 'State', 'Asked', 'Awarded', 'Cost', 'Submitted'],
      answer.body.requests, r => el('tr', {'data-request': r.id},
        el('th', {scope: 'row'}, el('a', {href: `#/requests/${encodeURIComponent(r.id)}`}, r.id)),
        me.kind === 'admin' ? el('td', {}, r.tenant) : null,
        el('td', {}, el('span', {class: `state ${r.state}`}, r.state)),
        el('td', {}, `${units(r.demand.units)} ${r.demand.accelerator} · ${r.demand.workload}`),
        el('td', {class: 'num'}, units(r.totals.unitsAwarded)),
        el('td', {class: 'num'}, usd(r.totals.cost)),
        el('td', {}, when(r.submitted))),
      cursor ? 'No more requests.' : 'No request yet.');
    page.show(next, answer.body.next, () => replace(next, answer.body.next
      ? el('p', {}, el('a', {href: `#/requests?${new URLSearchParams({...(state ? {state} : {}),
        cursor: answer.body.next})}`}, 'Next page')) : null));
  });
}

function requestPage(main, page, me, params, id) {
  const part = () => el('div');
  const parts = {state: part(), still: part(), cancel: part(), asked: part(), awards: part(), offers: part(),
    explanation: part(), events: part()};
  const section = (key, title, ...content) =>
    el('section', {'aria-labelledby': `${key}-h`}, el('h2', {id: `${key}-h`}, title), ...content);
  append(main, el('h1', {}, `Request ${id}`), parts.state,
    section('still', 'Still open', parts.still, parts.cancel),
    section('asked', 'What was asked', parts.asked),
    section('awards', 'Awards', parts.awards),
    section('offers', 'Offers', parts.offers),
    section('explanation', 'Why, clause by clause', parts.explanation),
    section('events', 'Events', parts.events));
  const path = `/v1/requests/${encodeURIComponent(id)}`;
  // Each part is drawn again only when what it shows changed, so a poll leaves the focus alone.
  page.every(POLL_MS, async () => {
    const [request, explain, events] = await Promise.all(
      [api('GET', path), api('GET', `${path}/explain`), api('GET', `${path}/events`)]);
    if (!request.ok) return page.fail(parts.state, request);
    const r = request.body;
    page.show(parts.state, [r.state, r.reason, r.closed], () => replace(parts.state, el('p', {},
      'State: ', el('strong', {id: 'request-state', class: `state ${r.state}`}, r.state),
      r.reason ? ` — ${r.reason}` : '', r.closed ? ` (closed ${when(r.closed)})` : '')));
    page.show(parts.still, [r.state, r.totals, r.offers.map(o => [o.state, o.deadline])],
      () => replace(parts.still, stillOpen(r)));
    page.show(parts.cancel, [me.kind, r.state], () => replace(parts.cancel, cancelButton(me, r)));
    page.show(parts.asked, [r.demand, r.route, r.routeReason], () => replace(parts.asked, demandFacts(r)));
    page.show(parts.awards, r.awards, () => replace(parts.awards, awardsTable(r.awards)));
    page.show(parts.offers, r.offers, () => replace(parts.offers, offersTable(r.offers)));
    if (!explain.ok) return page.fail(parts.explanation, explain);
    page.show(parts.explanation, explain.body, () => replace(parts.explanation,
      el('ol', {id: 'explanation'}, explain.body.split('\n').slice(1).map(line => line.trim())
        .filter(line => line).map(line => el('li', {}, line)))));
    if (!events.ok) return page.fail(parts.events, events);
    page.show(parts.events, events.body, () => replace(parts.events,
      el('ol', {id: 'events', class: 'events'}, events.body.map(e => el('li', {'data-type': e.type},
        el('time', {datetime: e.at}, when(e.at)), ' ', el('strong', {}, e.type), ' ',
        el('span', {class: 'detail'}, eventDetail(e)))))));
  });
  page.ticker();
}

function stillOpen(r) {
  const open = r.offers.filter(o => o.state === 'OPEN');
  return el('p', {id: 'still-open'}, r.state !== 'OPEN' ? 'Nothing: the request is closed.'
    : [`${units(r.totals.units - r.totals.unitsAwarded)} of ${units(r.totals.units)} units are not yet awarded. `,
      open.length === 0 ? 'No offer is open.'
        : [`${open.length} offer${open.length > 1 ? 's are' : ' is'} open, until `,
          deadline(open.map(o => o.deadline).sort().at(-1)), '.']]);
}

function cancelButton(me, r) {
  if (me.kind !== 'tenant' || r.state !== 'OPEN') return null;
  const said = el('span', {role: 'status'});
  const button = el('button', {type: 'button', id: 'cancel', onclick: async () => {
    button.disabled = true;
    const answer = await api('POST', `/v1/requests/${encodeURIComponent(r.id)}/cancel`);
    button.disabled = false;
    replace(said, answer.ok ? '' : problem(answer));
  }}, 'Cancel this request');
  return [button, ' ', said];
}

function demandFacts(r) {
  const d = r.demand;
  return el('dl', {class: 'facts'},
    fact('Tenant', r.tenant), fact('Workload', d.workload),
    fact('Accelerators', `${units(d.units)} ${d.accelerator}`), fact('For', `${units(d.hours)} hours`),
    fact('Start', `${when(d.start)}, or up to ${d.flex} later`),
    fact('Regions', d.regions.length ? d.regions.join(', ') : 'any'),
    fact('Price ceiling', d.maxPrice === null ? 'none' : `${usd(d.maxPrice)} per unit-hour`),
    fact('Route', r.route ? `${r.route}: ${r.routeReason}` : 'not yet routed'));
}

function awardsTable(awards) {
  return table('awards', 'Awards', ['Provider', 'Site', 'Units', 'Price per unit-hour', 'From', 'Until', 'Cost'],
    awards.map(a => el('tr', {class: 'award', 'data-provider': a.provider},
      el('th', {scope: 'row'}, a.provider), el('td', {}, a.site), el('td', {class: 'num'}, units(a.units)),
      el('td', {class: 'num'}, usd(a.unitPrice)), el('td', {}, when(a.start)), el('td', {}, when(a.end)),
      el('td', {class: 'num'}, usd(a.cost)))),
    'No award yet.');
}

function offersTable(offers) {
  return table('offers', 'Offers made for this request',
    ['Offer', 'Provider', 'Kind', 'Units offered', 'State', 'Deadline', 'Quoted'],
    offers.map(o => el('tr', {'data-offer': o.id},
      el('th', {scope: 'row'}, o.id), el('td', {}, o.provider), el('td', {}, o.kind),
      el('td', {class: 'num'}, units(o.units)), el('td', {}, el('span', {class: `state ${o.state}`}, o.state)),
      el('td', {}, o.state === 'OPEN' ? deadline(o.deadline) : when(o.deadline)),
      el('td', {}, o.unitsQuoted ? `${units(o.unitsQuoted)} at ${usd(o.unitPrice)} at ${o.site}` : '—'))),
    'No offer yet.');
}

function fact(term, value) { return [el('dt', {}, term), el('dd', {}, value)]; }

/** An event's own fields, as "name: value", leaving out what every event has. */
function eventDetail(event) {
  return Object.entries(event)
    .filter(([key, value]) => !['seq', 'at', 'type', 'request', 'details', 'schema'].includes(key)
      && value !== null && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${value}`).join(' · ');
}

// -- submit

function submitPage(main, page) {
  const form = el('form', {id: 'submit-form', novalidate: true});
  const summary = el('div', {id: 'form-problem', role: 'alert', tabindex: -1});
  append(main, el('h1', {}, 'Submit a request'),
    el('p', {}, 'The broker routes it by the clauses in force today, offers it to the holder of a right first, ' +
      'then to the market, and explains each step on the request\'s page.'),
    summary, form);
  const key = idempotencyKey();
  (async () => {
    const answer = await api('GET', '/v1/overview');
    if (!answer.ok) return replace(summary, problem(answer));
    const catalog = answer.body.catalog;
    const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10) + 'T00:00:00Z';
    append(form,
      field('workload', 'Workload', select('workload', catalog.workloads.map(w => [w, w]))),
      field('accelerator', 'Accelerator', select('accelerator', catalog.accelerators.map(a => [a, a]))),
      field('units', 'Units', el('input', {name: 'units', inputmode: 'numeric', value: '1000'}),
        'How many accelerators, a whole number.'),
      field('start', 'Start', el('input', {name: 'start', value: tomorrow}),
        'The earliest start, an ISO-8601 instant in UTC, such as 2027-01-01T00:00:00Z.'),
      field('hours', 'Hours', el('input', {name: 'hours', inputmode: 'numeric', value: '720'}),
        'How long the accelerators are needed.'),
      field('flex', 'Flex', el('input', {name: 'flex', value: 'P7D'}),
        'How much later it may start, an ISO-8601 duration such as P7D; empty for none.'),
      el('fieldset', {id: 'regions'}, el('legend', {}, 'Regions (none ticked: any region)'),
        catalog.regions.map(region => el('label', {class: 'check'},
          el('input', {type: 'checkbox', name: 'regions', value: region}), ` ${region}`)),
        el('p', {class: 'field-error', id: 'regions-error', hidden: true})),
      field('maxPrice', 'Price ceiling', el('input', {name: 'maxPrice', inputmode: 'decimal'}),
        'The most it may cost, in US dollars per unit-hour; empty for none.'),
      el('button', {type: 'submit'}, 'Submit the request'));
  })();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = {};
    for (const name of ['workload', 'accelerator', 'units', 'start', 'hours', 'flex', 'maxPrice']) {
      const value = form.elements[name].value.trim();
      if (value !== '') body[name] = ['units', 'hours', 'maxPrice'].includes(name) ? numberOrText(value) : value;
    }
    const regions = [...form.querySelectorAll('input[name=regions]:checked')].map(box => box.value);
    if (regions.length) body.regions = regions;
    const answer = await api('POST', '/v1/requests', body, undefined, {'Idempotency-Key': key});
    if (answer.ok) return go(`#/requests/${encodeURIComponent(answer.body.id)}`, `Request ${answer.body.id} submitted.`);
    showProblems(form, summary, answer, name => name);
  });
}

/**
 * One key per form shown, so a submission sent twice is stored once. Not crypto.randomUUID: a
 * browser offers it only on https or localhost, and a node is often reached by plain http.
 */
function idempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'dashboard-' + [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
}

/** What was typed, as a number when it reads as one, so the API's own message names any mistake. */
function numberOrText(value) {
  return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) ? Number(value) : value;
}

/**
 * Shows each field's problem under it (the API names fields by their JSON path) and the rest
 * above the form; focus goes to the first field with a problem.
 */
function showProblems(form, summary, answer, fieldOf) {
  clearProblems(form);
  const unplaced = [];
  let first = null;
  for (const {field: path, problem: text} of (answer.body.errors || [])) {
    const name = fieldOf(path.split(/[.[]/)[0], path);
    const error = form.querySelector(`#${CSS.escape(name)}-error`);
    if (!error) {
      unplaced.push(`${path}: ${text}`);
      continue;
    }
    error.hidden = false;
    error.textContent = error.textContent ? `${error.textContent}; ${path} ${text}` : `${path} ${text}`;
    const input = form.querySelector(`#${CSS.escape(name)}`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
  }
  replace(summary, (answer.body.errors || []).length === 0 || unplaced.length
    ? [problem(answer), unplaced.length ? el('ul', {}, unplaced.map(text => el('li', {}, text))) : null]
    : el('p', {class: 'problem'}, `${answer.body.errors.length} field${answer.body.errors.length > 1 ? 's need' : ' needs'}`
      + ' mending; nothing was stored.'));
  // A group of boxes (the regions) takes the focus at its first box.
  const focusable = first && first.matches('fieldset') ? first.querySelector('input') : first;
  (focusable || summary).focus();
}

function clearProblems(form) {
  for (const error of form.querySelectorAll('.field-error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

// -- provider desk

function deskPage(main, page, me) {
  const open = el('div'), past = el('div');
  append(main, el('h1', {}, `Offer desk of ${me.id}`),
    el('p', {}, 'The offers made to you, with the time left to answer each; an offer unanswered by its deadline lapses.'),
    el('section', {'aria-labelledby': 'open-h'}, el('h2', {id: 'open-h'}, 'Open offers'), open),
    el('section', {'aria-labelledby': 'past-h'}, el('h2', {id: 'past-h'}, 'Past responses'), past));
  page.every(POLL_MS, async () => {
    const [opened, answered] = await Promise.all(
      [api('GET', '/v1/offers?state=open'), api('GET', '/v1/offers?state=answered')]);
    if (!opened.ok) return page.fail(open, opened);
    keyedTable(open, 'open-offers', 'Offers open to you', ['Offer', 'Kind', 'Asked', 'Start', 'Deadline', ''],
      opened.body.offers, o => el('tr', {class: 'offer', 'data-offer': o.id},
        el('th', {scope: 'row'}, o.id), el('td', {}, o.kind + (o.matchPrice ? ` at ${usd(o.matchPrice)}` : '')),
        el('td', {}, asked(o)), el('td', {}, when(o.demand.start)), el('td', {}, deadline(o.deadline)),
        el('td', {}, el('a', {href: `#/offers/${encodeURIComponent(o.id)}`}, `Answer ${o.id}`))),
      'No offer is open to you.');
    if (!answered.ok) return page.fail(past, answered);
    keyedTable(past, 'past-responses', 'Your last answers, newest first',
      ['Offer', 'Answer', 'Units', 'Price per unit-hour', 'Site', 'Answered'],
      answered.body.offers, o => el('tr', {'data-offer': o.id},
        el('th', {scope: 'row'}, el('a', {href: `#/offers/${encodeURIComponent(o.id)}`}, o.id)),
        el('td', {}, o.answer.outcome + (o.answer.reason ? ` (${o.answer.reason})` : '')),
        el('td', {class: 'num'}, units(o.answer.units)), el('td', {class: 'num'}, usd(o.answer.unitPrice)),
        el('td', {}, o.answer.site || '—'), el('td', {}, when(o.answer.at))),
      'You have not answered an offer yet.');
  });
  page.ticker();
}

function asked(o) {
  const d = o.demand;
  return `${units(o.units)} ${d.accelerator} for ${units(d.hours)} h of ${d.workload}` +
    (d.regions.length ? ` in ${d.regions.join(', ')}` : '');
}

function offerPage(main, page, me, params, id) {
  const status = el('div'), formBox = el('div');
  append(main, el('h1', {}, `Offer ${id}`), status, formBox);
  const path = `/v1/offers/${encodeURIComponent(id)}`;
  let formShown = false;
  page.every(POLL_MS, async () => {
    const answer = await api('GET', path);
    // The form stays as typed: a refused look (a node restarting) is no reason to lose it.
    if (!answer.ok) return page.fail(status, answer);
    const o = answer.body;
    page.show(status, o, () => replace(status,
      el('dl', {class: 'facts', id: 'offer-terms'},
        fact('State', el('strong', {id: 'offer-state', class: `state ${o.state}`}, o.state)),
        fact('Kind', o.kind + (o.agreement ? ` under ${o.agreement}` : '')),
        o.matchPrice ? fact('Price to match', `${usd(o.matchPrice)} per unit-hour`) : null,
        fact('Asked', asked(o)), fact('Start', `${when(o.demand.start)}, or up to ${o.demand.flex} later`),
        fact('Deadline', o.state === 'OPEN' ? deadline(o.deadline) : when(o.deadline)),
        o.answer ? fact('Your answer', `${o.answer.outcome}: ${units(o.answer.units)} units` +
          (o.answer.unitPrice ? ` at ${usd(o.answer.unitPrice)} at ${o.answer.site}` : '') +
          (o.answer.reason ? ` (${o.answer.reason})` : '')) : null)));
    if (o.state !== 'OPEN') formBox.replaceChildren();
    else if (!formShown) {
      formShown = true;
      await answerForm(formBox, o);
    }
  });
  page.ticker();
}

async function answerForm(target, offer) {
  const pools = await api('GET', '/v1/capacity');
  const sites = pools.ok ? pools.body.pools.filter(p => p.accelerator === offer.demand.accelerator
    && (offer.demand.regions.length === 0 || offer.demand.regions.includes(p.region))) : [];
  const summary = el('div', {id: 'form-problem', role: 'alert', tabindex: -1});
  const outcome = select('outcome', [['ACCEPTED', 'Accept all units'], ['PARTIAL', 'Take part of them'],
    ['DECLINED', 'Decline']], 'ACCEPTED');
  const form = el('form', {id: 'answer-form', novalidate: true},
    field('outcome', 'Answer', outcome),
    field('units', 'Units', el('input', {name: 'units', inputmode: 'numeric', value: String(offer.units)}),
      `At most ${units(offer.units)}; fewer only for a partial answer.`),
    field('unitPrice', 'Price per unit-hour (USD)',
      el('input', {name: 'unitPrice', inputmode: 'decimal', value: offer.matchPrice || ''})),
    field('site', 'Site', select('site', sites.map(p => [p.site, `${p.site} (${p.region}, ${units(p.free)} free now)`]))),
    field('reason', 'Reason (optional)', el('input', {name: 'reason'}), 'Why you decline, for the tenant\'s explanation.'),
    el('button', {type: 'submit'}, 'Send the answer'));
  const takes = () => outcome.value !== 'DECLINED';
  // A take carries units, a price and a site; a decline only its reason (the API keeps no other).
  const showOutcome = () => {
    for (const name of ['units', 'unitPrice', 'site']) form.elements[name].closest('.field').hidden = !takes();
    form.elements.reason.closest('.field').hidden = takes();
  };
  outcome.addEventListener('change', showOutcome);
  showOutcome();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = {outcome: outcome.value};
    const names = takes() ? ['units', 'unitPrice', 'site'] : ['reason'];
    for (const name of names) {
      const value = form.elements[name].value.trim();
      if (value !== '') body[name] = ['units', 'unitPrice'].includes(name) ? numberOrText(value) : value;
    }
    const answer = await api('POST', `/v1/offers/${encodeURIComponent(offer.id)}/response`, body);
    if (answer.ok) return go('#/desk', `Your answer to ${offer.id} was taken: ${answer.body.answer.outcome}.`);
    showProblems(form, summary, answer, name => name);
  });
  replace(target, el('h2', {}, 'Answer'), summary, form);
}

// -- agreements

const ENTRY_FIELDS = ['id', 'kind', 'provider', 'from', 'until', 'mode', 'window', 'partial', 'amount', 'preference',
  'workloads', 'accelerators', 'regions'];
const ONLY_FOR = {mode: 'rofr', window: 'rofr', partial: 'rofr', amount: 'commitment', preference: 'commitment'};

function agreementsPage(main, page) {
  const list = el('div'), chart = el('div'), summary = el('div', {id: 'form-problem', role: 'alert', tabindex: -1});
  const ended = el('p', {id: 'end-status', role: 'status'});
  const form = el('form', {id: 'agreement-form', novalidate: true});
  append(main, el('h1', {}, 'Agreements'),
    el('section', {'aria-labelledby': 'timeline-h'}, el('h2', {id: 'timeline-h'}, 'Timeline'), chart),
    el('section', {'aria-labelledby': 'list-h'}, el('h2', {id: 'list-h'}, 'Every agreement'), ended, list),
    el('section', {'aria-labelledby': 'add-h'}, el('h2', {id: 'add-h'}, 'Add a clause'),
      el('p', {}, 'Fields as in a scenario file\'s agreements; the clause applies from its start on, ' +
        'and the node checks it exactly as it checks a file.'), summary, form));
  let horizon = new Date().toISOString();
  (async () => {
    const overview = await api('GET', '/v1/overview');
    const catalog = overview.ok ? overview.body.catalog : {providers: []};
    horizon = overview.ok ? catalog.horizon : horizon;
    const kind = select('kind', [['exclusive', 'Exclusive'], ['rofr', 'Right of first refusal'],
      ['commitment', 'Commitment']], 'rofr');
    append(form,
      field('entry-id', 'Id', el('input', {name: 'id'}), 'A new agreement id, such as azure-rofr-2028.'),
      field('entry-kind', 'Kind', kind),
      field('entry-provider', 'Provider (the holder of a right)', select('provider',
        catalog.providers.map(p => [p, p]))),
      field('entry-from', 'From', el('input', {name: 'from'}), 'A date or instant, not before now: 2027-01-01.'),
      field('entry-until', 'Until (optional)', el('input', {name: 'until'}), 'Empty: open-ended.'),
      field('entry-mode', 'Mode', select('mode', [['first-look', 'First look'], ['match', 'Match']], 'first-look')),
      field('entry-window', 'Window (optional)', el('input', {name: 'window'}), 'How long the holder has: P5D.'),
      field('entry-partial', 'May take part', select('partial', [['false', 'No'], ['true', 'Yes']], 'false')),
      field('entry-amount', 'Amount (USD)', el('input', {name: 'amount', inputmode: 'decimal'})),
      field('entry-preference', 'Preference (optional)', el('input', {name: 'preference', inputmode: 'decimal'}),
        'A fraction: 0.1 ranks the provider\'s quotes ten per cent cheaper until the amount is met.'),
      field('entry-workloads', 'Workloads (optional)', el('input', {name: 'workloads'}),
        'Comma-separated; empty covers every workload.'),
      field('entry-accelerators', 'Accelerators (optional)', el('input', {name: 'accelerators'}),
        'Comma-separated; empty covers every accelerator.'),
      field('entry-regions', 'Regions (optional)', el('input', {name: 'regions'}),
        'Comma-separated; empty covers every region.'),
      el('button', {type: 'submit'}, 'Add the clause'));
    const showKind = () => {
      for (const [name, only] of Object.entries(ONLY_FOR)) form.elements[name].closest('.field').hidden = kind.value !== only;
    };
    kind.addEventListener('change', showKind);
    showKind();
  })();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const answer = await api('POST', '/v1/agreements', entry(form));
    if (answer.ok) {
      form.reset();
      clearProblems(form);
      form.elements.kind.dispatchEvent(new Event('change'));
      replace(summary, el('p', {class: 'notice', role: 'status'}, `Clause ${answer.body.id} added.`));
      return;
    }
    showProblems(form, summary, answer, (name, path) => {
      const scoped = path.match(/^scope\.(\w+)/);
      const named = scoped ? scoped[1] : name === 'holder' ? 'provider' : name;
      return ENTRY_FIELDS.includes(named) ? `entry-${named}` : named;
    });
  });
  page.every(2 * POLL_MS, async () => {
    const answer = await api('GET', '/v1/agreements');
    if (!answer.ok) return page.fail(list, answer);
    page.show(chart, [answer.body.agreements, horizon], (target, [agreements, end]) =>
      replace(target, timeline(agreements, end)));
    keyedTable(list, 'agreements', 'The world\'s agreements, in force today or not',
      ['Agreement', 'Kind', 'Party', 'Terms', 'Scope', 'Period', 'In force', 'End it'],
      answer.body.agreements, a => el('tr', {'data-agreement': a.id},
        el('th', {scope: 'row'}, a.id), el('td', {}, a.kind), el('td', {}, a.holder || a.provider),
        el('td', {}, terms(a)), el('td', {}, scopeText(a.scope)),
        el('td', {}, `${day(a.from)} to ${day(a.until)}`), el('td', {}, a.inForce ? 'yes' : 'no'),
        el('td', {}, endForm(a, ended))),
      'No agreement.');
  });
}

/** The form as a scenario file's entry: only the fields of its kind, and only those filled in. */
function entry(form) {
  const value = name => form.elements[name].value.trim();
  const kind = value('kind');
  const body = {id: value('id'), kind};
  body[kind === 'rofr' ? 'holder' : 'provider'] = value('provider');
  for (const name of ['from', 'until', 'mode', 'window']) {
    if (value(name) !== '' && (!ONLY_FOR[name] || ONLY_FOR[name] === kind)) body[name] = value(name);
  }
  if (kind === 'rofr') body.partial = value('partial') === 'true';
  for (const name of ['amount', 'preference']) {
    if (kind === 'commitment' && value(name) !== '') body[name] = numberOrText(value(name));
  }
  const scope = {};
  for (const name of ['workloads', 'accelerators', 'regions']) {
    const items = value(name).split(',').map(item => item.trim()).filter(item => item);
    if (items.length) scope[name] = items;
  }
  if (Object.keys(scope).length) body.scope = scope;
  return body;
}

function terms(a) {
  if (a.kind === 'rofr') return `${a.mode}, ${a.window} to answer${a.partial ? ', may take part' : ''}`;
  if (a.kind === 'commitment') return `${usd(a.amount)}${a.preference ? `, preference ${a.preference}` : ''}`;
  return 'exclusive';
}

function scopeText(scope) {
  const parts = ['workloads', 'accelerators', 'regions'].filter(k => scope[k].length).map(k => scope[k].join(', '));
  return parts.length ? parts.join(' · ') : 'everything';
}

/**
 * A refusal is shown in the row, which stays as it is; a clause ended changes, so its row is
 * drawn anew, and the news goes above the table.
 */
function endForm(a, ended) {
  if (a.until && Date.parse(a.until) <= Date.now()) return 'ended';
  const id = `end-${a.id}`;
  const at = el('input', {name: 'at', id, size: 22, placeholder: 'now'});
  const error = el('span', {class: 'field-error', id: `${id}-error`, role: 'alert'});
  at.setAttribute('aria-describedby', `${id}-error`);
  return el('form', {class: 'end', novalidate: true, onsubmit: async event => {
    event.preventDefault();
    const answer = await api('POST', `/v1/agreements/${encodeURIComponent(a.id)}/end`,
      at.value.trim() ? {at: at.value.trim()} : undefined);
    if (answer.ok) {
      error.textContent = '';
      ended.textContent = `${a.id} ends at ${when(answer.body.until)}.`;
    } else {
      error.textContent =
        (answer.body.errors || []).map(e => `${e.field} ${e.problem}`).join('; ') || problem(answer).textContent;
    }
  }}, el('label', {for: id, class: 'visually-hidden'}, `End ${a.id} at`), at, ' ',
  el('button', {type: 'submit'}, `End ${a.id}`), ' ', error);
}

// -- start

// The pages live in the address's fragment, so the skip link moves the focus instead.
document.querySelector('.skip').addEventListener('click', event => {
  event.preventDefault();
  document.getElementById('main').focus();
});
document.getElementById('signout').addEventListener('click', () => {
  session.clear();
  go('#/signin', 'Signed out.');
});
window.addEventListener('hashchange', route);
route();
