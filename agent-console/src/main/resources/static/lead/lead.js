/*
 * The lead's view: live conversations, watching one read-only over STOMP, whispers, the seat board, hand-over notes
 * and hand-drawn SVG charts. Text from the server goes into the page through textContent only.
 */
(function () {
  'use strict';

  var state = { me: null, client: null, watchId: null, watchSub: null, seen: new Set(), live: [] };
  var $ = function (id) { return document.getElementById(id); };
  var SVG = 'http://www.w3.org/2000/svg';
  var STATUS = { queued: '排队中', agent: '人工接待中', bot: '机器人', closed: '已结束' };
  var SEAT = { online: '在线', busy: '忙碌', away: '暂离', offline: '离线' };
  var TYPES = { bargain: '砍价型', skeptic: '怀疑型', cautious: '谨慎型', urgent: '急躁型', angry: '生气型' };
  var WHO = { shopper: '顾客', bot: '机器人', agent: '客服', system: '系统' };

  function api(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET' && state.me) headers[state.me.csrf.headerName] = state.me.csrf.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
      if (res.status === 401) { window.location.href = '/login'; throw new Error('unauthorized'); }
      var type = res.headers.get('Content-Type') || '';
      return (type.indexOf('json') >= 0 ? res.json() : res.text()).then(function (data) {
        return { ok: res.ok, status: res.status, data: data };
      });
    });
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }

  function duration(secs) {
    var m = Math.floor(secs / 60), s = secs % 60;
    return (m > 0 ? m + '分' : '') + s + '秒';
  }

  function toast(text) {
    var t = $('toast');
    t.textContent = text;
    t.classList.remove('hidden');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { t.classList.add('hidden'); }, 3500);
  }

  function errorText(r) { return r.data && r.data.message ? r.data.message : '请求失败 (' + r.status + ')'; }

  function loadMe() {
    return api('GET', '/api/me').then(function (r) {
      if (!r.ok) throw new Error('no profile');
      state.me = r.data;
      $('lead-name').textContent = r.data.name;
    });
  }

  // ---------- live conversations ----------

  function loadLive() {
    return api('GET', '/api/lead/live').then(function (r) {
      if (!r.ok) return;
      state.live = r.data;
      var body = $('live-table').querySelector('tbody');
      body.replaceChildren();
      r.data.forEach(function (c) {
        var tr = el('tr', 'live-row' + (c.silent ? ' silent' : '') + (c.id === state.watchId ? ' selected' : ''));
        tr.dataset.id = c.id;
        tr.dataset.status = c.status;
        tr.appendChild(el('td', 'customer', c.customer + (c.verified ? ' ✓' : '')));
        tr.appendChild(el('td', null, (STATUS[c.status] || c.status) + (c.silent ? ' · 客服未回复' : '')));
        tr.appendChild(el('td', 'agent', c.agentName && c.status === 'agent' ? c.agentName : '—'));
        tr.appendChild(el('td', null, c.status === 'queued' ? duration(c.waitingSeconds) : '—'));
        tr.appendChild(el('td', null, c.customerType ? (TYPES[c.customerType] || c.customerType) : '—'));
        var td = el('td');
        var watch = el('button', 'btn-link watch-btn', '旁听 · Watch');
        watch.type = 'button';
        watch.addEventListener('click', function () { watchConversation(c); });
        td.appendChild(watch);
        tr.appendChild(td);
        body.appendChild(tr);
      });
      $('live-count').textContent = String(r.data.length);
      $('live-empty').classList.toggle('hidden', r.data.length > 0);
      var watched = r.data.find(function (c) { return c.id === state.watchId; });
      if (watched) updateWatchControls(watched);
    });
  }

  var reloadTimer = null;
  function reloadSoon() {
    if (reloadTimer) return;
    reloadTimer = setTimeout(function () { reloadTimer = null; loadLive(); loadSeats(); }, 200);
  }

  // ---------- watching one ----------

  function watchConversation(c) {
    if (state.watchSub) { try { state.watchSub.unsubscribe(); } catch (e) { /* gone */ } }
    state.watchId = c.id;
    state.seen = new Set();
    $('watch-history').replaceChildren();
    $('watch-title').textContent = c.customer + (c.agentName ? ' · 客服 ' + c.agentName : '');
    updateWatchControls(c);
    api('GET', '/api/console/conversations/' + encodeURIComponent(c.id)).then(function (r) {
      if (r.ok && state.watchId === c.id) r.data.events.forEach(addWatched);
    });
    subscribeWatch();
    loadLive();
  }

  function updateWatchControls(c) {
    var withAgent = c.status === 'agent';
    $('whisper-input').disabled = !withAgent;
    $('whisper-send').disabled = !withAgent;
    $('reassign-btn').disabled = !withAgent;
  }

  function subscribeWatch() {
    if (!state.watchId || !state.client || !state.client.connected) return;
    var id = state.watchId;
    state.watchSub = state.client.subscribe('/topic/console/conversation/' + id, function (frame) {
      var push = JSON.parse(frame.body);
      if (push.type === 'message' && push.conversationId === state.watchId) addWatched(push.event);
    });
  }

  function addWatched(e) {
    if (e.conversationId !== state.watchId || state.seen.has(e.seq)) return;
    state.seen.add(e.seq);
    var whisper = e.meta && e.meta.whisper === 'true';
    var div = el('div', 'msg' + (e.internal ? ' internal' : ''));
    div.dataset.seq = String(e.seq);
    div.dataset.from = e.from;
    var who = (whisper ? '悄悄话 · ' : e.internal ? '内部备注 · ' : '') + (WHO[e.from] || e.from) + (e.agentName ? ' ' + e.agentName : '');
    div.appendChild(el('div', 'who', who));
    div.appendChild(el('div', 'text', e.text));
    var box = $('watch-history');
    var after = null;
    box.querySelectorAll('.msg').forEach(function (m) { if (after === null && Number(m.dataset.seq) > e.seq) after = m; });
    box.insertBefore(div, after);
    box.scrollTop = box.scrollHeight;
  }

  function whisper() {
    var text = $('whisper-input').value;
    if (!state.watchId || !text.trim()) return;
    api('POST', '/api/lead/conversations/' + encodeURIComponent(state.watchId) + '/whisper', { text: text })
      .then(function (r) {
        if (r.ok) { $('whisper-input').value = ''; toast('已悄悄告诉客服 · Whispered'); } else toast(errorText(r));
      });
  }

  function reassign() {
    if (!state.watchId) return;
    var note = window.prompt('改派备注 · Note for the next agent', '客服长时间未回复,改派处理');
    if (note === null) return;
    api('POST', '/api/lead/conversations/' + encodeURIComponent(state.watchId) + '/reassign', { text: note })
      .then(function (r) { if (r.ok) { toast('已改派 · Reassigned'); reloadSoon(); } else toast(errorText(r)); });
  }

  // ---------- seats ----------

  function loadSeats() {
    return api('GET', '/api/lead/seats').then(function (r) {
      if (!r.ok) return;
      var b = r.data;
      var body = $('seat-table').querySelector('tbody');
      body.replaceChildren();
      b.seats.forEach(function (s) {
        var tr = el('tr', 'seat-row');
        tr.dataset.id = s.id;
        tr.dataset.status = s.status;
        tr.appendChild(el('td', null, s.name + (s.role === 'lead' ? ' (组长)' : '')));
        tr.appendChild(el('td', 'seat-status', SEAT[s.status] || s.status));
        tr.appendChild(el('td', 'seat-load', s.load + '/' + s.capacity));
        tr.appendChild(el('td', null, duration(s.statusSeconds)));
        tr.appendChild(el('td', null, String(s.assignedToday)));
        tr.appendChild(el('td', null, s.skills.join(', ')));
        body.appendChild(tr);
      });
      $('away-count').textContent = '暂离 ' + b.away + '/' + b.maxAway + ' · 排队 ' + b.waiting;
      $('staffing-warning').textContent = b.staffingWarning || '';
      $('staffing-warning').classList.toggle('hidden', !b.staffingWarning);
      $('deputy').textContent = b.deputy ? '代理组长 · Deputy: ' + b.deputy : '';
      var silent = $('silent-list');
      silent.replaceChildren();
      b.silent.forEach(function (s) {
        silent.appendChild(el('li', null, '客服 ' + s.agentId + ' 已 ' + Math.round(parseDuration(s.silentFor)) + ' 秒未回复顾客'));
      });
      var overdue = $('overdue-list');
      overdue.replaceChildren();
      b.overdueAways.forEach(function (o) {
        overdue.appendChild(el('li', null, o.name + ' 暂离超时 ' + Math.round(parseDuration(o.overdueBy) / 60) + ' 分钟'));
      });
    });
  }

  function parseDuration(d) {
    if (typeof d === 'number') return d;
    var m = /PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?/.exec(d || '');
    return m ? (Number(m[1] || 0) * 3600 + Number(m[2] || 0) * 60 + Number(m[3] || 0)) : 0;
  }

  // ---------- hand-overs ----------

  function loadHandovers() {
    return api('GET', '/api/lead/handovers').then(function (r) {
      if (!r.ok) return;
      var list = $('handover-list');
      list.replaceChildren();
      r.data.forEach(function (h) {
        var li = el('li', 'handover');
        var text = new Date(h.writtenAt).toLocaleString('zh-CN', { hour12: false }) + ' ' + h.authorId + ': ' + h.text;
        if (h.ticketNumbers.length) text += ' · 工单 ' + h.ticketNumbers.join(', ');
        if (h.conversationIds.length) text += ' · 会话 ' + h.conversationIds.length + ' 个';
        li.appendChild(el('span', null, text));
        if (h.acknowledgedBy) {
          li.appendChild(el('span', 'muted', ' · 已由 ' + h.acknowledgedBy + ' 接收'));
        } else {
          var ack = el('button', 'btn-link', '接收 · Acknowledge');
          ack.type = 'button';
          ack.addEventListener('click', function () {
            api('POST', '/api/lead/handovers/' + encodeURIComponent(h.id) + '/ack').then(function (x) {
              if (!x.ok) toast(errorText(x));
              loadHandovers();
            });
          });
          li.appendChild(ack);
        }
        list.appendChild(li);
      });
    });
  }

  function writeHandover() {
    var tickets = $('handover-tickets').value.split(/[,，\s]+/).filter(function (t) { return t; });
    var open = state.live.map(function (c) { return c.id; });
    api('POST', '/api/lead/handovers', { text: $('handover-text').value, ticketNumbers: tickets, conversationIds: open })
      .then(function (r) {
        if (r.ok) { $('handover-text').value = ''; $('handover-tickets').value = ''; loadHandovers(); }
        else toast(errorText(r));
      });
  }

  // ---------- charts: hand-drawn SVG ----------

  function loadCharts() {
    var url = '/api/lead/charts?hours=' + $('chart-hours').value + '&bucket=' + $('chart-bucket').value;
    return api('GET', url).then(function (r) {
      if (!r.ok) return;
      var b = r.data.buckets;
      line('chart-queue', b.map(function (x) { return x.queueLength; }), '#ea580c');
      line('chart-wait', b.map(function (x) { return x.avgWaitSeconds; }), '#2563eb');
      line('chart-first', b.map(function (x) { return x.avgFirstResponseSeconds; }), '#16a34a');
      line('chart-handoff', b.map(function (x) { return x.handoffRate === null || x.handoffRate === undefined ? null : Math.round(x.handoffRate * 100); }), '#7c3aed');
      stacked('chart-satisfaction', b);
    });
  }

  function svgEl(tag, attrs) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    return n;
  }

  function frame(svg, max) {
    svg.replaceChildren();
    svg.appendChild(svgEl('line', { x1: 30, y1: 105, x2: 315, y2: 105, stroke: '#9ca3af' }));
    svg.appendChild(svgEl('line', { x1: 30, y1: 5, x2: 30, y2: 105, stroke: '#9ca3af' }));
    var label = svgEl('text', { x: 2, y: 12, 'font-size': 9, fill: '#6b7280' });
    label.textContent = String(max);
    svg.appendChild(label);
    var zero = svgEl('text', { x: 18, y: 105, 'font-size': 9, fill: '#6b7280' });
    zero.textContent = '0';
    svg.appendChild(zero);
  }

  function line(id, values, color) {
    var svg = $(id);
    var max = Math.max(1, Math.ceil(Math.max.apply(null, values.map(function (v) { return v || 0; }))));
    frame(svg, max);
    var n = values.length, step = n > 1 ? 285 / (n - 1) : 0, points = [];
    values.forEach(function (v, i) {
      if (v === null || v === undefined) return;
      var x = 30 + i * step, y = 105 - (v / max) * 100;
      points.push(x.toFixed(1) + ',' + y.toFixed(1));
      svg.appendChild(svgEl('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 2, fill: color }));
    });
    if (points.length > 1) svg.appendChild(svgEl('polyline', { points: points.join(' '), fill: 'none', stroke: color, 'stroke-width': 1.5 }));
    svg.dataset.points = String(points.length);
  }

  function stacked(id, buckets) {
    var svg = $(id);
    var totals = buckets.map(function (x) { return x.satisfied + x.neutral + x.dissatisfied; });
    var max = Math.max(1, Math.max.apply(null, totals));
    frame(svg, max);
    var w = 285 / Math.max(1, buckets.length);
    var answers = 0;
    buckets.forEach(function (x, i) {
      var y = 105;
      [[x.satisfied, '#16a34a'], [x.neutral, '#f59e0b'], [x.dissatisfied, '#dc2626']].forEach(function (part) {
        if (!part[0]) return;
        var h = part[0] / max * 100;
        y -= h;
        svg.appendChild(svgEl('rect', { x: (30 + i * w + 1).toFixed(1), y: y.toFixed(1), width: Math.max(1, w - 2).toFixed(1), height: h.toFixed(1), fill: part[1] }));
      });
      answers += totals[i];
    });
    svg.dataset.answers = String(answers);
  }

  // ---------- STOMP ----------

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/console';
    var client = new StompJs.Client({
      brokerURL: url, reconnectDelay: 2000, heartbeatIncoming: 10000, heartbeatOutgoing: 10000,
      beforeConnect: function () {
        return loadMe().then(function () {
          var h = {};
          h[state.me.csrf.headerName] = state.me.csrf.token;
          client.connectHeaders = h;
        }).catch(function () { /* retry */ });
      },
      onConnect: function () {
        setConnection(true);
        client.subscribe('/topic/console/queue', reloadSoon);
        client.subscribe('/topic/lead', function (frame) {
          var push = JSON.parse(frame.body);
          if (push.silent && push.silent.length) toast('有客服长时间未回复顾客 · An agent is silent');
          reloadSoon();
        });
        if (state.watchId) {
          subscribeWatch();
          api('GET', '/api/console/conversations/' + encodeURIComponent(state.watchId) + '/events?afterSeq=0')
            .then(function (r) { if (r.ok) r.data.forEach(addWatched); });
        }
        reloadSoon();
      },
      onWebSocketClose: function () { setConnection(false); },
      onStompError: function () { setConnection(false); }
    });
    state.client = client;
    client.activate();
  }

  function setConnection(on) {
    var s = $('connection-status');
    s.textContent = on ? '实时连接正常 · Live' : '连接中断,正在重连… · Reconnecting';
    s.dataset.state = on ? 'connected' : 'reconnecting';
    s.classList.toggle('conn-on', on);
    s.classList.toggle('conn-off', !on);
  }

  function wire() {
    $('whisper-send').addEventListener('click', whisper);
    $('whisper-input').addEventListener('keydown', function (ev) { if (ev.key === 'Enter' && !ev.isComposing) whisper(); });
    $('reassign-btn').addEventListener('click', reassign);
    $('handover-send').addEventListener('click', writeHandover);
    $('chart-hours').addEventListener('change', loadCharts);
    $('chart-bucket').addEventListener('change', loadCharts);
    setInterval(function () { loadLive(); loadSeats(); }, 5000);
    setInterval(loadCharts, 30000);
  }

  wire();
  loadMe().then(function () {
    loadLive(); loadSeats(); loadHandovers(); loadCharts(); connect();
  }).catch(function () { window.location.href = '/login'; });
})();
