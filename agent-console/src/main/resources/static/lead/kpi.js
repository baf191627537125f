// The lead's KPI page (issue 6): each month's measures with the manuals' formulas and targets, hand-drawn SVG trend
// charts (same style as the lead view's charts), the complaint-trend warning and the overdue tickets.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var SVG = 'http://www.w3.org/2000/svg';
  var NAMES = { complaint_rate: '有效投诉率', complaint_response: '投诉处理及时率', complaint_satisfaction: '投诉满意率',
    request_follow_up_rate: '请求回访率', request_satisfaction: '请求满意率' };
  var KINDS = { REPAIR: '报修', COMPLAINT: '投诉', INQUIRY: '咨询' };

  function api(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (res) {
      if (res.status === 401) { window.location.href = '/login'; throw new Error('401'); }
      return res.json().then(function (data) { return { ok: res.ok, status: res.status, data: data }; });
    });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function pct(v) { return v === null || v === undefined ? '—' : (v * 100).toFixed(v < 0.1 ? 2 : 1) + '%'; }
  function target(t) { return (t.comparison === 'BELOW' ? '< ' : '≥ ') + pct(t.ratio); }
  function kpiName(k) { return (NAMES[k.id] || '') + ' · ' + k.name; }
  function hours(iso) { var m = /PT(?:(\d+)H)?(?:(\d+)M)?/.exec(iso || ''); return m ? (Number(m[1] || 0) + 'h' + (m[2] ? m[2] + 'm' : '')) : iso; }

  function load() {
    var q = '?months=' + $('kpi-months').value + ($('kpi-to').value ? '&to=' + $('kpi-to').value : '');
    api('/api/lead/kpis' + q).then(function (r) {
      if (!r.ok) { toast(r.data && r.data.message ? r.data.message : '加载失败 (' + r.status + ')'); return; }
      render(r.data);
    });
  }

  function render(page) {
    var months = page.months, last = months[months.length - 1];
    $('kpi-month').textContent = last.month;
    var w = $('kpi-warning');
    w.classList.toggle('hidden', !page.complaintsRising);
    w.textContent = '⚠ 投诉上升预警 · Complaints are rising: ' + last.complaints + ' 件 (上月 last month ' +
      last.previousComplaints + ')，请分析原因并提前采取措施。';
    var tb = $('kpi-table').querySelector('tbody');
    tb.textContent = '';
    last.kpis.forEach(function (k) {
      var tr = el('tr');
      tr.dataset.kpi = k.id;
      tr.appendChild(el('td', null, kpiName(k)));
      tr.appendChild(el('td', 'muted', k.formula));
      tr.appendChild(el('td', null, k.numerator + ' / ' + k.denominator));
      tr.appendChild(el('td', null, pct(k.value)));
      tr.appendChild(el('td', null, target(k.target)));
      var pass = el('td', 'kpi-pass', k.met === null ? '无数据 · n/a' : (k.met ? '✔ 达标 · pass' : '✘ 未达标 · fail'));
      pass.dataset.met = String(k.met);
      tr.appendChild(pass);
      tb.appendChild(tr);
    });
    var charts = $('kpi-charts');
    charts.textContent = '';
    last.kpis.forEach(function (k, idx) {
      var fig = el('figure');
      fig.appendChild(el('figcaption', null, kpiName(k) + ' (' + target(k.target) + ')'));
      var svg = svgEl('svg', { viewBox: '0 0 320 130', 'class': 'chart', id: 'kpi-chart-' + k.id });
      fig.appendChild(svg);
      charts.appendChild(fig);
      line(svg, months.map(function (m) { return m.kpis[idx].value; }), k.target, months.map(function (m) { return m.month; }));
    });
    var fig = el('figure');
    fig.appendChild(el('figcaption', null, '有效投诉数 · Valid complaints'));
    var svg = svgEl('svg', { viewBox: '0 0 320 130', 'class': 'chart', id: 'kpi-chart-complaints' });
    fig.appendChild(svg);
    charts.appendChild(fig);
    bars(svg, months.map(function (m) { return m.complaints; }), months.map(function (m) { return m.month; }));
    renderOverdue(page.overdue || []);
  }

  function frame(svg, max, labels, asPct) {
    svg.appendChild(svgEl('line', { x1: 30, y1: 5, x2: 30, y2: 105, stroke: '#9ca3af' }));
    svg.appendChild(svgEl('line', { x1: 30, y1: 105, x2: 315, y2: 105, stroke: '#9ca3af' }));
    var top = svgEl('text', { x: 2, y: 12, 'font-size': 9, fill: '#6b7280' });
    top.textContent = asPct ? pct(max) : String(max);
    svg.appendChild(top);
    var n = labels.length, step = n > 1 ? 285 / (n - 1) : 0;
    labels.forEach(function (l, i) {
      if (n > 6 && i % 2 === 1 && i !== n - 1) return;
      var t = svgEl('text', { x: (30 + i * step - 12).toFixed(1), y: 122, 'font-size': 8, fill: '#6b7280' });
      t.textContent = l.substring(2);
      svg.appendChild(t);
    });
  }

  function line(svg, values, tgt, labels) {
    var vals = values.filter(function (v) { return v !== null && v !== undefined; });
    var max = Math.max(tgt.ratio, vals.length ? Math.max.apply(null, vals) : 0);
    max = max <= 0 ? 1 : Math.min(1, max * 1.15);
    frame(svg, max, labels, true);
    var ty = 105 - (tgt.ratio / max) * 100;
    svg.appendChild(svgEl('line', { x1: 30, y1: ty.toFixed(1), x2: 315, y2: ty.toFixed(1), stroke: '#16a34a', 'stroke-dasharray': '4 3' }));
    var n = values.length, step = n > 1 ? 285 / (n - 1) : 0, points = [];
    values.forEach(function (v, i) {
      if (v === null || v === undefined) return;
      var x = 30 + i * step, y = 105 - (v / max) * 100;
      var ok = tgt.comparison === 'BELOW' ? v < tgt.ratio : v >= tgt.ratio;
      points.push(x.toFixed(1) + ',' + y.toFixed(1));
      svg.appendChild(svgEl('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 2.5, fill: ok ? '#16a34a' : '#dc2626' }));
    });
    if (points.length > 1) svg.appendChild(svgEl('polyline', { points: points.join(' '), fill: 'none', stroke: '#ea580c', 'stroke-width': 1.5 }));
    svg.dataset.points = String(points.length);
  }

  function bars(svg, values, labels) {
    var max = Math.max(1, Math.max.apply(null, values));
    frame(svg, max, labels, false);
    var w = 285 / Math.max(1, values.length);
    values.forEach(function (v, i) {
      if (!v) return;
      var h = v / max * 100;
      var rising = i > 0 && v > values[i - 1];
      svg.appendChild(svgEl('rect', { x: (30 + i * w + 1).toFixed(1), y: (105 - h).toFixed(1), width: Math.max(1, w - 2).toFixed(1),
        height: h.toFixed(1), fill: rising ? '#dc2626' : '#f59e0b' }));
    });
    svg.dataset.points = String(values.length);
  }

  function renderOverdue(list) {
    var tb = $('overdue-table').querySelector('tbody');
    tb.textContent = '';
    $('overdue-count').textContent = String(list.length);
    $('overdue-empty').classList.toggle('hidden', list.length > 0);
    list.forEach(function (o) {
      var t = o.ticket, tr = el('tr', 'silent');
      tr.appendChild(el('td', null, t.number));
      tr.appendChild(el('td', null, KINDS[t.kind] || t.kind));
      tr.appendChild(el('td', null, t.subject));
      tr.appendChild(el('td', null, t.owner || '未分配 · unassigned'));
      tr.appendChild(el('td', null, o.what === 'REPLY' ? '⚑ 书面答复 · reply' : '⚑ 回访 · follow-up'));
      tr.appendChild(el('td', null, new Date(o.dueAt).toLocaleString()));
      tr.appendChild(el('td', null, hours(o.late)));
      tb.appendChild(tr);
    });
  }

  function toast(text) {
    var t = $('toast');
    t.textContent = text;
    t.classList.remove('hidden');
    setTimeout(function () { t.classList.add('hidden'); }, 3500);
  }

  $('kpi-months').addEventListener('change', load);
  $('kpi-to').addEventListener('change', load);
  load();
})();
