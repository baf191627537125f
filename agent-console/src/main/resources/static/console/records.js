/*
 * Beside each chat (issue 6): the shopper's orders, shipments (latest first), returns with their history, damage
 * reports with photos and sign-offs, and tickets with results and follow-ups — with the actions on them. The shopper
 * is told in the chat by the server when a return moves, a ticket gets its result or a damage report is decided.
 * Every server text goes into the page through textContent only.
 */
(function () {
  'use strict';
  var C = window.xiaoerConsole;
  var $ = function (id) { return document.getElementById(id); };
  var conv = null, reloadTimer = null;
  var RETURN_STATES = { REQUESTED: '已申请', APPROVED: '已同意', REJECTED: '已拒绝', PARCEL_SENT_BACK: '顾客已寄回',
    RECEIVED: '已收货', REFUNDED: '已退款', EXCHANGED: '已换货' };
  var NEXT = { REQUESTED: ['APPROVED', 'REJECTED'], APPROVED: ['PARCEL_SENT_BACK'], PARCEL_SENT_BACK: ['RECEIVED'],
    RECEIVED: ['REFUNDED', 'EXCHANGED'] };
  var KINDS = { REFUND: '退货退款', EXCHANGE: '换货', REPAIR: '报修', COMPLAINT: '投诉', INQUIRY: '咨询',
    DAMAGED: '收到损坏', MISSING: '少件', WRONG_ITEM: '发错货' };
  var DECISIONS = { REFUND: '退款 · Refund', RESEND: '补发 · Resend', REJECT: '不予处理 · Reject' };
  var T_STATUS = { OPEN: '处理中', RESOLVED: '待回访', CLOSED: '已结案' };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function when(iso) { return iso ? new Date(iso).toLocaleString() : ''; }
  function button(label, onClick, cls) {
    var b = el('button', cls || 'btn-secondary', label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function done(r, okText) {
    if (r.ok) { C.toast(okText); reload(); } else C.toast(C.errorText(r));
    return r;
  }

  document.addEventListener('xiaoer:conversation', function (ev) {
    conv = ev.detail;
    $('records-empty').classList.toggle('hidden', !!conv);
    $('records-body').classList.toggle('hidden', !conv);
    if (conv) reload();
  });
  document.addEventListener('xiaoer:event', function (ev) {
    var e = ev.detail;
    if (e.meta && (e.meta.attachmentId || e.meta.notice)) reloadSoon();
  });

  function reloadSoon() {
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(function () { reloadTimer = null; reload(); }, 200);
  }

  function reload() {
    if (!conv) return;
    var id = conv.id;
    C.api('GET', '/api/console/shop/customer?conversationId=' + encodeURIComponent(id)).then(function (r) {
      if (!conv || conv.id !== id) return;
      if (!r.ok) { $('records-identity').textContent = C.errorText(r); return; }
      renderCustomer(r.data);
    });
    C.api('GET', '/api/console/shop/damage-reports?conversationId=' + encodeURIComponent(id)).then(function (r) {
      if (conv && conv.id === id && r.ok) renderDamage(r.data);
    });
  }

  // ---------- orders, shipments, returns ----------

  function renderCustomer(data) {
    $('records-identity').textContent = data.identified ? '已核实身份 · Identified' :
      '未核实身份:顾客提供订单号+手机尾号后显示订单 · Not identified yet';
    var box = $('records-orders');
    box.replaceChildren();
    var select = $('damage-order');
    select.replaceChildren(el('option', null, '(不关联订单 · no order)'));
    select.firstChild.value = '';
    if (!data.orders.length) box.appendChild(el('p', 'empty', '暂无可见订单 · No orders'));
    data.orders.forEach(function (o) {
      var order = o.view.order;
      var opt = el('option', null, order.orderNo);
      opt.value = order.orderNo;
      select.appendChild(opt);
      var div = el('div', 'rec order');
      div.dataset.orderNo = order.orderNo;
      div.appendChild(el('div', 'rec-title', order.orderNo + ' · ' + order.status + ' · ¥' + order.total));
      div.appendChild(el('div', 'muted', order.items.map(function (i) { return i.name + '×' + i.qty; }).join('、')));
      var elig = o.eligibility;
      div.appendChild(el('div', 'muted', '退换 · Returns: ' + elig.verdict + (elig.windowEndsAt ? ' (至 ' + when(elig.windowEndsAt) + ')' : '')
        + (elig.reason ? ' · ' + elig.reason : '')));
      var ships = o.view.shipments.slice().reverse();
      if (ships.length) {
        var ul = el('ul', 'shipments');
        ships.forEach(function (s) {
          ul.appendChild(el('li', null, when(s.at) + ' ' + s.carrier + ' ' + s.trackingNo + ' · ' + (s.place || '') + ' ' + (s.description || s.status)));
        });
        div.appendChild(ul);
      }
      var open = o.returns.some(function (x) { return !(NEXT[x.steps[x.steps.length - 1].state]); }) ? false : true;
      o.returns.forEach(function (ret) { div.appendChild(renderReturn(ret)); });
      var openReturn = o.returns.some(function (x) { return !!NEXT[x.steps[x.steps.length - 1].state]; });
      if (!openReturn && order.deliveredAt) {
        var acts = el('div', 'rec-actions');
        acts.appendChild(button('申请退货 · Return', function () { startReturn(order.orderNo, 'REFUND'); }));
        acts.appendChild(button('申请换货 · Exchange', function () { startReturn(order.orderNo, 'EXCHANGE'); }));
        div.appendChild(acts);
      }
      box.appendChild(div);
    });
    renderTickets(data.tickets);
  }

  function renderReturn(ret) {
    var state = ret.steps[ret.steps.length - 1].state;
    var div = el('div', 'rec return');
    div.dataset.returnId = ret.id;
    div.dataset.state = state;
    var title = el('div', null, KINDS[ret.kind] + ' ');
    title.appendChild(el('span', 'state', RETURN_STATES[state] || state));
    if (ret.needsPerson) title.appendChild(el('span', 'flag', ' 需人工判断 · ' + (ret.personReason || '')));
    div.appendChild(title);
    var ul = el('ul');
    ret.steps.forEach(function (s) {
      ul.appendChild(el('li', null, (RETURN_STATES[s.state] || s.state) + ' · ' + s.actor + ' · ' + when(s.at) + (s.note ? ' · ' + s.note : '')));
    });
    div.appendChild(ul);
    if (NEXT[state]) {
      var note = el('input');
      note.placeholder = '备注(会告知顾客) · Note';
      note.maxLength = 1000;
      var acts = el('div', 'rec-actions');
      acts.appendChild(note);
      NEXT[state].forEach(function (to) {
        var b = button(RETURN_STATES[to], function () { moveReturn(ret.id, to, note.value); });
        b.dataset.to = to;
        acts.appendChild(b);
      });
      div.appendChild(acts);
    }
    return div;
  }

  function startReturn(orderNo, kind) {
    C.api('POST', '/api/console/shop/returns', { shop: conv.shop, orderNo: orderNo, kind: kind, reason: '客服代顾客申请',
      conversationId: conv.id }).then(function (r) { done(r, '已登记 · Return requested'); });
  }

  function moveReturn(id, to, note) {
    C.api('POST', '/api/console/shop/returns/' + encodeURIComponent(id) + '/moves', { to: to, note: note || null, conversationId: conv.id })
      .then(function (r) { done(r, '已更新,顾客已收到通知 · Moved, shopper told'); });
  }

  // ---------- tickets ----------

  function renderTickets(tickets) {
    var box = $('records-tickets');
    box.replaceChildren();
    if (!tickets.length) box.appendChild(el('p', 'empty', '暂无工单 · No tickets'));
    tickets.forEach(function (t) {
      var div = el('div', 'rec ticket');
      div.dataset.number = t.number;
      var title = el('div', 'rec-title', t.number + ' · ' + (KINDS[t.kind] || t.kind) + ' · ' + t.subject + ' ');
      title.appendChild(el('span', 'state', T_STATUS[t.status] || t.status));
      div.appendChild(title);
      div.appendChild(el('div', 'muted', '负责人 Owner: ' + (t.owner || '—') + ' · 答复截止 Reply by ' + when(t.replyDueAt)
        + (t.followUpDueAt ? ' · 回访截止 Follow up by ' + when(t.followUpDueAt) : '')));
      var now = Date.now();
      if (t.status === 'OPEN' && new Date(t.replyDueAt).getTime() < now) div.appendChild(el('div', 'flag', '⚑ 答复已超期 · Reply overdue'));
      if (t.status === 'RESOLVED' && t.followUpDueAt && new Date(t.followUpDueAt).getTime() < now) div.appendChild(el('div', 'flag', '⚑ 回访已超期 · Follow-up overdue'));
      if (t.result) div.appendChild(el('div', null, '结果 Result: ' + t.result + ' (' + t.resolvedBy + ' ' + when(t.resolvedAt) + ')'));
      if (t.followUps.length) {
        var ul = el('ul');
        t.followUps.forEach(function (f) {
          ul.appendChild(el('li', null, '回访 ' + when(f.at) + ' · ' + f.by + ' · ' + (f.reached ? '已联系上' : '未联系上')
            + (f.reached ? ' · ' + (f.satisfied ? '满意' : '不满意') : '') + (f.note ? ' · ' + f.note : '')));
        });
        div.appendChild(ul);
      }
      if (t.status !== 'CLOSED') {
        var acts = el('div', 'rec-actions');
        if (!t.owner) acts.appendChild(button('我来负责 · Take', function () {
          C.api('POST', '/api/console/shop/tickets/' + t.number + '/assign', { owner: C.me().username }).then(function (r) { done(r, '已分配 · Assigned'); });
        }));
        var input = el('input');
        input.maxLength = 2000;
        input.placeholder = t.status === 'OPEN' ? '处理结果(会告知顾客) · Result' : '回访备注 · Follow-up note';
        acts.appendChild(input);
        if (t.status === 'OPEN') {
          var valid = null;
          if (t.kind === 'COMPLAINT') {
            valid = el('select');
            [['true', '有效投诉'], ['false', '无效投诉']].forEach(function (o) { var x = el('option', null, o[1]); x.value = o[0]; valid.appendChild(x); });
            acts.appendChild(valid);
          }
          acts.appendChild(button('记录结果 · Result', function () {
            C.api('POST', '/api/console/shop/tickets/' + t.number + '/result', { result: input.value,
              validComplaint: valid ? valid.value === 'true' : null }).then(function (r) { done(r, '已记录,顾客已收到通知 · Recorded'); });
          }));
        } else {
          [['满意 · Satisfied', true, true], ['不满意 · Unsatisfied', true, false], ['未联系上 · Not reached', false, null]].forEach(function (o) {
            acts.appendChild(button(o[0], function () {
              C.api('POST', '/api/console/shop/tickets/' + t.number + '/follow-ups', { reached: o[1], satisfied: o[2], note: input.value || null })
                .then(function (r) { done(r, '回访已记录 · Follow-up recorded'); });
            }));
          });
        }
        div.appendChild(acts);
      }
      box.appendChild(div);
    });
  }

  function openTicket() {
    var subject = $('ticket-subject').value.trim();
    if (!subject) { C.toast('请填写主题 · Subject required'); return; }
    C.api('POST', '/api/console/shop/tickets', { conversationId: conv.id, kind: $('ticket-kind').value, subject: subject })
      .then(function (r) { if (r.ok) $('ticket-subject').value = ''; done(r, '工单已创建 · Ticket opened'); });
  }

  // ---------- damage reports ----------

  function renderDamage(data) {
    var photos = $('records-photos');
    photos.replaceChildren();
    data.attachments.forEach(function (a) { photos.appendChild(C.photoLink(a.id)); });
    var box = $('records-damage');
    box.replaceChildren();
    var me = C.me();
    data.reports.forEach(function (d) {
      var div = el('div', 'rec damage');
      div.dataset.reportId = d.id;
      div.appendChild(el('div', 'rec-title', (KINDS[d.kind] || d.kind) + (d.orderNo ? ' · ' + d.orderNo : '') + ' · ' + d.openedBy + ' ' + when(d.openedAt)));
      if (d.description) div.appendChild(el('div', null, d.description));
      var thumbs = el('div', 'photos');
      d.attachmentIds.forEach(function (id) { thumbs.appendChild(C.photoLink(id)); });
      div.appendChild(thumbs);
      var ul = el('ul', 'sign-offs');
      data.signOffRoles.forEach(function (role) {
        var s = d.signOffs.find(function (x) { return x.role === role; });
        ul.appendChild(el('li', s ? null : 'flag', role + ': ' + (s ? '✔ ' + s.by + ' ' + when(s.at) + (s.note ? ' · ' + s.note : '') : '待签 · to sign')));
      });
      div.appendChild(ul);
      if (d.decision) {
        var dec = el('div', 'decision', '决定 Decision: ' + DECISIONS[d.decision] + ' · ' + d.decidedBy + ' ' + when(d.decidedAt) + (d.decisionNote ? ' · ' + d.decisionNote : ''));
        div.appendChild(dec);
      } else {
        var acts = el('div', 'rec-actions');
        var missing = data.signOffRoles.filter(function (role) { return !d.signOffs.some(function (x) { return x.role === role; }); });
        var signed = d.signOffs.some(function (x) { return me && x.by === me.username; });
        if (missing.length && !signed) acts.appendChild(button('签字确认 · Sign off', function () {
          C.api('POST', '/api/console/shop/damage-reports/' + d.id + '/sign-offs', {}).then(function (r) { done(r, '已签字 · Signed'); });
        }, 'btn-secondary sign-off'));
        var mayDecide = me && me.roles && me.roles.some(function (x) { return data.decideRoles.indexOf(x.replace(/^ROLE_/, '')) >= 0; });
        if (!missing.length && mayDecide) {
          var sel = el('select', 'decision-select');
          Object.keys(DECISIONS).forEach(function (k) { var o = el('option', null, DECISIONS[k]); o.value = k; sel.appendChild(o); });
          var note = el('input');
          note.placeholder = '说明(会告知顾客) · Note for the shopper';
          note.maxLength = 1000;
          acts.appendChild(sel);
          acts.appendChild(note);
          acts.appendChild(button('记录决定 · Decide', function () {
            C.api('POST', '/api/console/shop/damage-reports/' + d.id + '/decision', { decision: sel.value, note: note.value || null })
              .then(function (r) { done(r, '决定已记录,顾客已收到通知 · Decided'); });
          }, 'btn decide'));
        } else if (!missing.length) {
          acts.appendChild(el('span', 'muted', '签字齐全,等待组长决定 · Signed; awaiting the decision'));
        }
        div.appendChild(acts);
      }
      box.appendChild(div);
    });
  }

  function openDamage() {
    C.api('POST', '/api/console/shop/damage-reports', { conversationId: conv.id, kind: $('damage-kind').value,
      orderNo: $('damage-order').value || null, description: $('damage-desc').value || null })
      .then(function (r) { if (r.ok) $('damage-desc').value = ''; done(r, '已登记 · Report opened'); });
  }

  $('ticket-open').addEventListener('click', openTicket);
  $('damage-open').addEventListener('click', openDamage);
})();
