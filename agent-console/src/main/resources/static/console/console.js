/*
 * The agents' console: lists over REST, live updates over STOMP (/ws/console), catch-up by seq after a drop.
 * Every text from the server goes into the page through textContent only.
 */
(function () {
  'use strict';

  var state = {
    me: null,             // {username, name, roles, csrf: {headerName, parameterName, token}}
    queue: [],            // ConversationView[] as fetched, with fetchedAt for local waiting-time ticks
    mine: [],
    selected: null,       // ConversationView of the open conversation
    seen: new Set(),      // seqs already shown for the selected conversation
    lastSeq: 0,
    client: null,
    conversationSub: null,
    typingTimer: null,
    typingSentAt: 0,
    typingStopTimer: null
  };

  var $ = function (id) { return document.getElementById(id); };

  // ---------- HTTP ----------

  function api(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET' && state.me) headers[state.me.csrf.headerName] = state.me.csrf.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (res) {
      if (res.status === 401) { window.location.href = '/login'; throw new Error('unauthorized'); }
      var type = res.headers.get('Content-Type') || '';
      var parse = type.indexOf('json') >= 0 ? res.json() : (res.status === 204 ? Promise.resolve(null) : res.text());
      return parse.then(function (data) { return { ok: res.ok, status: res.status, data: data }; });
    });
  }

  function loadMe() {
    return api('GET', '/api/me').then(function (r) {
      if (!r.ok) throw new Error('cannot load the profile');
      state.me = r.data;
      $('agent-name').textContent = r.data.name;
      var roles = r.data.roles || [];
      $('lead-link').classList.toggle('hidden', !(roles.indexOf('LEAD') >= 0 || roles.indexOf('ADMIN') >= 0));
      var logoutCsrf = $('logout-csrf');
      logoutCsrf.name = r.data.csrf.parameterName;
      logoutCsrf.value = r.data.csrf.token;
    });
  }

  // ---------- lists ----------

  function loadLists() {
    return Promise.all([api('GET', '/api/console/queue'), api('GET', '/api/console/mine')]).then(function (rs) {
      var now = Date.now();
      if (rs[0].ok) state.queue = rs[0].data.map(function (c) { c.fetchedAt = now; return c; });
      if (rs[1].ok) state.mine = rs[1].data;
      renderLists();
      if (state.seat) api('GET', '/api/console/seat').then(function (r) { if (r.ok) renderSeat(r.data); });
    });
  }

  var listReload = null;
  function reloadListsSoon() {
    // several changes often arrive together (accept = change + system line): one reload for all of them
    if (listReload) return;
    listReload = setTimeout(function () { listReload = null; loadLists(); }, 150);
  }

  function visitorLabel(c) {
    return c.customerName ? c.customerName + (c.verified ? ' ✓' : '') : '访客 ' + c.visitorId.slice(0, 8);
  }

  function waitingText(c) {
    var secs = c.waitingSeconds + Math.floor((Date.now() - (c.fetchedAt || Date.now())) / 1000);
    var m = Math.floor(secs / 60), s = secs % 60;
    return { text: '已等 ' + (m > 0 ? m + '分' : '') + s + '秒', long: secs >= 60 };
  }

  var REASONS = { keyword: '顾客要求人工', low_confidence: '机器人不确定', no_match: '机器人无答案',
    complaint: '投诉' };

  function renderLists() {
    var queueEl = $('queue');
    queueEl.replaceChildren();
    state.queue.forEach(function (c) {
      var li = el('li', 'queue-item');
      li.dataset.id = c.id;
      if (state.selected && state.selected.id === c.id) li.classList.add('selected');
      var info = el('div');
      info.appendChild(el('div', 'item-name', visitorLabel(c)));
      var w = waitingText(c);
      var sub = el('div', 'item-sub');
      sub.appendChild(el('span', 'waiting' + (w.long ? ' long' : ''), w.text));
      if (c.handoffReason) sub.appendChild(document.createTextNode(' · ' + (REASONS[c.handoffReason] || c.handoffReason)));
      info.appendChild(sub);
      li.appendChild(info);
      var btn = el('button', 'accept-btn', '接入 · Accept');
      btn.type = 'button';
      btn.addEventListener('click', function (ev) { ev.stopPropagation(); accept(c.id); });
      li.appendChild(btn);
      li.addEventListener('click', function () { select(c.id); });
      queueEl.appendChild(li);
    });
    $('queue-count').textContent = String(state.queue.length);
    $('queue-empty').classList.toggle('hidden', state.queue.length > 0);

    var mineEl = $('mine');
    mineEl.replaceChildren();
    state.mine.forEach(function (c) {
      var li = el('li', 'mine-item');
      li.dataset.id = c.id;
      if (state.selected && state.selected.id === c.id) li.classList.add('selected');
      var info = el('div');
      info.appendChild(el('div', 'item-name', visitorLabel(c)));
      var sub2 = el('div', 'item-sub', c.shop);
      if (c.updatedAt) sub2.appendChild(el('span', 'waiting', '· 接入 ' + timeText(c.updatedAt)));
      info.appendChild(sub2);
      li.appendChild(info);
      li.addEventListener('click', function () { select(c.id); });
      mineEl.appendChild(li);
    });
    $('mine-count').textContent = String(state.mine.length);
    $('mine-empty').classList.toggle('hidden', state.mine.length > 0);
  }

  function tickWaitingTimes() {
    document.querySelectorAll('#queue .queue-item').forEach(function (li) {
      var c = state.queue.find(function (q) { return q.id === li.dataset.id; });
      var span = li.querySelector('.waiting');
      if (!c || !span) return;
      var w = waitingText(c);
      span.textContent = w.text;
      span.classList.toggle('long', w.long);
    });
  }

  // ---------- one conversation ----------

  function accept(id) {
    api('POST', '/api/console/conversations/' + encodeURIComponent(id) + '/accept').then(function (r) {
      if (r.ok) {
        toast('已接入 · Accepted');
        loadLists().then(function () { select(id); });
      } else if (r.status === 409) {
        toast('该会话已被其他客服接入 · Another agent took it');
        loadLists();
      } else {
        toast(errorText(r));
      }
    });
  }

  function select(id) {
    if (state.selected && state.selected.id !== id) clearConversation();
    return api('GET', '/api/console/conversations/' + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) { toast(errorText(r)); return; }
      var firstOpen = !state.selected || state.selected.id !== id;
      state.selected = r.data.conversation;
      state.shopperLang = r.data.shopperLang;
      if (firstOpen) subscribeConversation(id);
      r.data.events.forEach(addEvent);
      if (firstOpen) { loadSuggestions(); loadCanned(); }
      if (firstOpen) document.dispatchEvent(new CustomEvent('xiaoer:conversation', { detail: state.selected }));
      renderHeader();
      renderLists();
    });
  }

  function clearConversation() {
    if (state.conversationSub) { try { state.conversationSub.unsubscribe(); } catch (e) { /* connection gone */ } }
    state.conversationSub = null;
    state.selected = null;
    state.shopperLang = null;
    state.seen = new Set();
    state.lastSeq = 0;
    $('history').replaceChildren();
    $('typing-indicator').classList.add('hidden');
    $('suggestions').classList.add('hidden');
    $('canned-menu').classList.add('hidden');
    $('transfer-dialog').classList.add('hidden');
    state.canned = [];
    hideLint();
    document.dispatchEvent(new CustomEvent('xiaoer:conversation', { detail: null }));
  }

  /** Fetches what was missed while disconnected; addEvent drops what is already shown. */
  function catchUp() {
    if (!state.selected) return;
    var id = state.selected.id;
    api('GET', '/api/console/conversations/' + encodeURIComponent(id) + '/events?afterSeq=' + state.lastSeq)
      .then(function (r) {
        if (r.ok && state.selected && state.selected.id === id) r.data.forEach(addEvent);
      });
    api('GET', '/api/console/conversations/' + encodeURIComponent(id)).then(function (r) {
      if (r.ok && state.selected && state.selected.id === id) { state.selected = r.data.conversation; renderHeader(); }
    });
  }

  function isMine() {
    var c = state.selected;
    return !!(c && state.me && c.status === 'agent' && c.agentId === state.me.username);
  }

  var STATUS = { bot: '机器人接待中', queued: '排队中', agent: '人工接待中', closed: '已结束' };

  function renderHeader() {
    var c = state.selected;
    $('chat-title').textContent = c ? visitorLabel(c) : '请从左侧选择一个会话 · Pick a conversation';
    var meta = '';
    if (c) {
      meta = (STATUS[c.status] || c.status) + ' · 店铺 ' + c.shop;
      if (c.agentName) meta += ' · 客服 ' + c.agentName;
      if (c.handoffReason) meta += ' · 转人工原因 ' + (REASONS[c.handoffReason] || c.handoffReason);
      if (state.shopperLang === 'en') meta += ' · 顾客用英文，请用英文回复 · Shopper writes in English';
    }
    $('chat-meta').textContent = meta;
    var mine = isMine();
    $('reply-input').disabled = !c;   // notes are allowed on any conversation
    $('reply-send').disabled = !mine;
    $('note-btn').disabled = !c;
    $('close-btn').disabled = !mine;
    $('transcript-btn').disabled = !c;
    $('transfer-btn').disabled = !mine;
    if (!mine) $('transfer-dialog').classList.add('hidden');
    $('accept-current-btn').classList.toggle('hidden', !(c && c.status === 'queued'));
  }

  function addEvent(e) {
    if (!state.selected || e.conversationId !== state.selected.id || state.seen.has(e.seq)) return;
    state.seen.add(e.seq);
    state.lastSeq = Math.max(state.lastSeq, e.seq);
    var node = renderEvent(e);
    var history = $('history');
    // keep seq order even when a push overtakes a fetch
    var after = null;
    history.querySelectorAll('.msg').forEach(function (m) {
      if (after === null && Number(m.dataset.seq) > e.seq) after = m;
    });
    var nearBottom = history.scrollHeight - history.scrollTop - history.clientHeight < 80;
    history.insertBefore(node, after);
    if (nearBottom || after === null) history.scrollTop = history.scrollHeight;
    document.dispatchEvent(new CustomEvent('xiaoer:event', { detail: e }));
    if (e.from === 'shopper') {
      $('typing-indicator').classList.add('hidden');
      if (state.suggestionsSeq < e.seq) loadSuggestionsSoon();
    }
  }

  var WHO = { shopper: '顾客', bot: '机器人', agent: '客服', system: '系统' };

  function renderEvent(e) {
    var whisper = e.meta && e.meta.whisper === 'true';
    var div = el('div', 'msg' + (e.internal ? ' internal' : '') + (whisper ? ' whisper' : ''));
    div.dataset.seq = String(e.seq);
    div.dataset.from = e.from;
    var who = (whisper ? '组长悄悄话 · Whisper · ' : e.internal ? '内部备注 · ' : '') + (WHO[e.from] || e.from) + (e.agentName ? ' ' + e.agentName : '');
    div.appendChild(el('div', 'who', who + ' · ' + timeText(e.at)));
    div.appendChild(el('div', 'text', e.text));
    if (e.meta && e.meta.attachmentId) div.appendChild(photoLink(e.meta.attachmentId));
    var notes = botNotes(e.meta || {});
    if (notes) div.appendChild(el('div', 'bot-notes', notes));
    if (e.quickReplies && e.quickReplies.length) {
      var chips = el('div', 'chips');
      e.quickReplies.forEach(function (q) { chips.appendChild(el('span', 'chip', q.label)); });
      div.appendChild(chips);
    }
    return div;
  }

  /** A shopper's photo: a thumbnail that opens the full image (served to logged-in staff only). */
  function photoLink(id) {
    var url = '/api/console/shop/attachments/' + encodeURIComponent(id);
    var a = el('a', 'photo');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener';
    var img = el('img', 'thumb');
    img.src = url;
    img.alt = '顾客上传的照片 · Shopper photo';
    a.appendChild(img);
    return a;
  }

  // the records panel (records.js) uses the same authenticated calls
  window.xiaoerConsole = { api: api, me: function () { return state.me; }, photoLink: photoLink, toast: function (t) { toast(t); },
    errorText: function (r) { return errorText(r); } };

  var DECISIONS = { answer: '回答', suggest: '推荐问题', handoff: '转人工' };
  var TYPES = { bargain: '砍价型', skeptic: '怀疑型', cautious: '谨慎型', urgent: '急躁型', angry: '生气型' };

  function botNotes(meta) {
    var parts = [];
    if (meta.stage === 'greet') parts.push('问候');
    if (meta.decision) parts.push('决策 ' + (DECISIONS[meta.decision] || meta.decision));
    if (meta.scriptId) parts.push('脚本 ' + meta.scriptId);
    if (meta.score) parts.push('得分 ' + meta.score);
    if (meta.customerType) parts.push('顾客类型 ' + (TYPES[meta.customerType] || meta.customerType));
    if (meta.handoff) parts.push('转人工 ' + (REASONS[meta.handoff] || meta.handoff));
    if (meta.transfer) parts.push('转接备注 · transfer note');
    if (meta.satisfaction) parts.push('满意度 ' + ({ satisfied: '满意', neutral: '一般', dissatisfied: '不满意' }[meta.satisfaction] || meta.satisfaction));
    return parts.join(' · ');
  }

  // ---------- composer ----------

  function send() {
    if (!isMine()) return;
    var input = $('reply-input');
    var text = input.value;
    if (!text.trim()) return;
    var id = state.selected.id;
    $('reply-send').disabled = true;
    api('POST', '/api/console/conversations/' + encodeURIComponent(id) + '/reply', { text: text }).then(function (r) {
      $('reply-send').disabled = !isMine();
      if (r.ok) {
        input.value = '';
        hideLint();
        stopTyping();
        addEvent(r.data);
      } else if (r.status === 422) {
        showLint(r.data, text);
      } else {
        toast(errorText(r));
      }
    });
  }

  function note() {
    if (!state.selected) return;
    var input = $('reply-input');
    var text = input.value;
    if (!text.trim()) { toast('先在输入框写下备注 · Type the note first'); input.focus(); return; }
    api('POST', '/api/console/conversations/' + encodeURIComponent(state.selected.id) + '/note', { text: text })
      .then(function (r) {
        if (r.ok) { input.value = ''; addEvent(r.data); renderHeader(); } else { toast(errorText(r)); }
      });
  }

  function showLint(refusal, refusedText) {
    var box = $('lint-warning');
    box.replaceChildren();
    box.appendChild(el('div', 'lint-title', '未发送:' + refusal.message));
    var list = el('ul');
    (refusal.findings || []).forEach(function (f) {
      var li = el('li');
      li.appendChild(el('span', 'rule', '「' + f.rule + '」'));
      li.appendChild(document.createTextNode(f.kind === 'promise' ? ' 绝对承诺' : ' 服务禁用语'));
      if (f.suggestion) {
        li.appendChild(document.createTextNode(' → 建议:' + f.suggestion));
        var use = el('button', 'btn-link use-suggestion', '替换 · Use');
        use.type = 'button';
        use.addEventListener('click', function () { replaceSpan(f, refusedText); });
        li.appendChild(use);
      }
      list.appendChild(li);
    });
    box.appendChild(list);
    if (refusal.suggestedText) {
      var all = el('button', 'btn-link use-suggested-text', '使用建议的整句 · Use the suggested text');
      all.type = 'button';
      all.addEventListener('click', function () {
        $('reply-input').value = refusal.suggestedText;
        hideLint();
        $('reply-input').focus();
      });
      box.appendChild(all);
    }
    box.classList.remove('hidden');
  }

  /** Replaces one finding's span while the input still holds the refused text (offsets refer to it). */
  function replaceSpan(f, refusedText) {
    var input = $('reply-input');
    if (input.value === refusedText) {
      input.value = refusedText.slice(0, f.start) + f.suggestion + refusedText.slice(f.end);
    } else {
      input.value = input.value + f.suggestion;
    }
    hideLint();
    input.focus();
  }

  function hideLint() {
    $('lint-warning').classList.add('hidden');
    $('lint-warning').replaceChildren();
  }

  function typing() {
    if (!isMine()) return;
    var now = Date.now();
    if (now - state.typingSentAt > 3000) {
      state.typingSentAt = now;
      api('POST', '/api/console/conversations/' + encodeURIComponent(state.selected.id) + '/typing', { on: true });
    }
    clearTimeout(state.typingStopTimer);
    state.typingStopTimer = setTimeout(stopTyping, 4000);
  }

  function stopTyping() {
    clearTimeout(state.typingStopTimer);
    if (!state.typingSentAt || !isMine()) return;
    state.typingSentAt = 0;
    api('POST', '/api/console/conversations/' + encodeURIComponent(state.selected.id) + '/typing', { on: false });
  }

  function closeConversation() {
    if (!isMine()) return;
    if (!window.confirm('结束这个会话?顾客会收到结束语。 · Close this conversation?')) return;
    api('POST', '/api/console/conversations/' + encodeURIComponent(state.selected.id) + '/close').then(function (r) {
      if (r.ok) { state.selected = r.data; renderHeader(); loadLists(); toast('会话已结束 · Closed'); }
      else toast(errorText(r));
    });
  }

  function transcript() {
    if (!state.selected) return;
    window.open('/api/console/conversations/' + encodeURIComponent(state.selected.id) + '/transcript', '_blank');
  }

  // ---------- STOMP ----------

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/console';
    var client = new StompJs.Client({
      brokerURL: url,
      reconnectDelay: 2000,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      // the CSRF token may have changed (new session): fetch it before every (re)connect
      beforeConnect: function () {
        return loadMe().then(function () {
          var headers = {};
          headers[state.me.csrf.headerName] = state.me.csrf.token;
          client.connectHeaders = headers;
        }).catch(function () { /* offline: stompjs retries */ });
      },
      onConnect: function () {
        setConnection(true);
        client.subscribe('/topic/console/queue', function () { reloadListsSoon(); });
        client.subscribe('/user/queue/console', function () { reloadListsSoon(); });
        if (state.selected) subscribeConversation(state.selected.id);
        loadLists();
        catchUp();
      },
      onWebSocketClose: function () { setConnection(false); },
      onStompError: function () { setConnection(false); }
    });
    state.client = client;
    client.activate();
  }

  function subscribeConversation(id) {
    if (!state.client || !state.client.connected) return;   // onConnect subscribes later
    if (state.conversationSub) { try { state.conversationSub.unsubscribe(); } catch (e) { /* gone */ } }
    state.conversationSub = state.client.subscribe('/topic/console/conversation/' + id, function (frame) {
      var push = JSON.parse(frame.body);
      if (!state.selected || push.conversationId !== state.selected.id) return;
      if (push.type === 'message') addEvent(push.event);
      if (push.type === 'typing') $('typing-indicator').classList.toggle('hidden', !push.on);
    });
  }

  function setConnection(on) {
    var s = $('connection-status');
    s.textContent = on ? '实时连接正常 · Live' : '连接中断,正在重连… · Reconnecting';
    s.dataset.state = on ? 'connected' : 'reconnecting';
    s.classList.toggle('conn-on', on);
    s.classList.toggle('conn-off', !on);
  }

  // ---------- small things ----------

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function timeText(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? '' : d.toLocaleTimeString('zh-CN', { hour12: false });
  }

  function errorText(r) {
    return r.data && r.data.message ? r.data.message : '请求失败 · Request failed (' + r.status + ')';
  }

  var toastTimer = null;
  function toast(text) {
    var t = $('toast');
    t.textContent = text;
    t.classList.remove('hidden');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.classList.add('hidden'); }, 3500);
  }

  function wire() {
    $('reply-send').addEventListener('click', send);
    $('note-btn').addEventListener('click', note);
    $('close-btn').addEventListener('click', closeConversation);
    $('transcript-btn').addEventListener('click', transcript);
    $('transfer-btn').addEventListener('click', openTransfer);
    $('transfer-cancel').addEventListener('click', function () { $('transfer-dialog').classList.add('hidden'); });
    $('transfer-confirm').addEventListener('click', confirmTransfer);
    $('seat-status').addEventListener('change', changeStatus);
    $('accept-current-btn').addEventListener('click', function () { if (state.selected) accept(state.selected.id); });
    var input = $('reply-input');
    input.addEventListener('keydown', function (ev) {
      if (cannedKey(ev)) return;
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); send(); }
    });
    input.addEventListener('input', typing);
    input.addEventListener('input', showCanned);
    setInterval(tickWaitingTimes, 1000);
  }

  // ---------- seat status ----------

  var SEAT = { online: '在线', busy: '忙碌', away: '暂离', offline: '离线' };

  function loadSeat() {
    return api('GET', '/api/console/seat').then(function (r) { if (r.ok) renderSeat(r.data); });
  }

  function renderSeat(seat) {
    var select = $('seat-status');
    if (!seat || !seat.routing) { select.disabled = true; return; }
    state.seat = seat;
    select.disabled = false;
    select.value = seat.status;
    select.dataset.status = seat.status;
    $('seat-load').textContent = '接待 ' + seat.load + '/' + seat.capacity;
  }

  function changeStatus() {
    var select = $('seat-status');
    var wanted = select.value;
    var body = { status: wanted };
    api('POST', '/api/console/seat/status', body).then(function (r) {
      if (r.ok) { renderSeat(r.data); toast('状态已切换为 ' + (SEAT[wanted] || wanted)); loadLists(); }
      else {
        select.value = select.dataset.status || 'online';
        toast('未能切换 · Refused: ' + errorText(r));
      }
    });
  }

  // ---------- transfer ----------

  var GROUPS = { presales: '售前组 · Pre-sales', aftersales: '售后组 · After-sales', complaints: '投诉组 · Complaints' };

  function openTransfer() {
    if (!isMine()) return;
    api('GET', '/api/console/agents').then(function (r) {
      var target = $('transfer-target');
      target.replaceChildren();
      (r.ok ? r.data : []).forEach(function (a) {
        if (a.id === state.me.username) return;
        var o = el('option', null, '客服 ' + a.name + ' (' + (SEAT[a.status] || a.status) + ' ' + a.load + '/' + a.capacity + ')');
        o.value = 'agent:' + a.id;
        target.appendChild(o);
      });
      Object.keys(GROUPS).forEach(function (g) {
        var o = el('option', null, GROUPS[g]);
        o.value = 'group:' + g;
        target.appendChild(o);
      });
      $('transfer-note').value = '';
      $('transfer-dialog').classList.remove('hidden');
      $('transfer-note').focus();
    });
  }

  function confirmTransfer() {
    if (!isMine()) return;
    var value = $('transfer-target').value || '';
    var note = $('transfer-note').value;
    if (!note.trim()) { toast('请填写转接备注 · A note is required'); return; }
    var body = { note: note };
    if (value.indexOf('agent:') === 0) body.toAgent = value.slice(6); else body.toGroup = value.slice(6);
    api('POST', '/api/console/conversations/' + encodeURIComponent(state.selected.id) + '/transfer', body)
      .then(function (r) {
        if (r.ok) {
          $('transfer-dialog').classList.add('hidden');
          state.selected = r.data;
          renderHeader();
          loadLists();
          toast('已转接 · Transferred');
        } else toast(errorText(r));
      });
  }

  // ---------- knowledge base answers ----------

  var suggestTimer = null;
  state.suggestionsSeq = 0;
  function loadSuggestionsSoon() {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(loadSuggestions, 300);
  }

  function loadSuggestions() {
    if (!state.selected) return;
    var id = state.selected.id;
    state.suggestionsSeq = state.lastSeq;
    api('GET', '/api/console/conversations/' + encodeURIComponent(id) + '/suggestions').then(function (r) {
      if (!r.ok || !state.selected || state.selected.id !== id) return;
      var list = $('suggestion-list');
      list.replaceChildren();
      r.data.forEach(function (s) {
        var li = el('li', 'suggestion');
        li.appendChild(el('span', null, s.answer));
        var use = el('button', 'btn-link insert-suggestion', '插入 · Insert');
        use.type = 'button';
        use.addEventListener('click', function () { insertText(s.answer); });
        li.appendChild(use);
        list.appendChild(li);
      });
      $('suggestions').classList.toggle('hidden', r.data.length === 0);
    });
  }

  function insertText(text) {
    var input = $('reply-input');
    input.value = input.value ? input.value + text : text;
    input.focus();
  }

  // ---------- canned replies: type / and a keyword ----------

  state.canned = [];
  state.cannedActive = 0;
  function loadCanned() {
    if (!state.selected) return;
    api('GET', '/api/console/conversations/' + encodeURIComponent(state.selected.id) + '/canned').then(function (r) {
      if (r.ok) state.canned = r.data;
    });
  }

  function cannedQuery() {
    var v = $('reply-input').value;
    var slash = v.lastIndexOf('/');
    if (slash < 0 || (slash > 0 && !/\s/.test(v.charAt(slash - 1)))) return null;
    var q = v.slice(slash + 1);
    return /\s/.test(q) ? null : { at: slash, q: q.toLowerCase() };
  }

  function cannedMatches(q) {
    return state.canned.filter(function (c) {
      if (!q) return true;
      if (c.shortcut.toLowerCase().indexOf(q) === 0) return true;
      return c.keywords.some(function (k) { return k.indexOf(q) >= 0 || q.indexOf(k) >= 0; }) || c.text.indexOf(q) >= 0;
    });
  }

  function showCanned() {
    var menu = $('canned-menu');
    var query = cannedQuery();
    var matches = query ? cannedMatches(query.q) : [];
    menu.replaceChildren();
    if (!query || matches.length === 0) { menu.classList.add('hidden'); return; }
    state.cannedActive = Math.min(state.cannedActive, matches.length - 1);
    matches.forEach(function (c, i) {
      var li = el('li', 'canned-item' + (i === state.cannedActive ? ' active' : ''));
      li.dataset.shortcut = c.shortcut;
      li.appendChild(el('span', 'shortcut', '/' + c.shortcut));
      li.appendChild(document.createTextNode(c.text));
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); useCanned(c); });
      menu.appendChild(li);
    });
    menu.classList.remove('hidden');
  }

  function useCanned(c) {
    var input = $('reply-input');
    var query = cannedQuery();
    input.value = (query ? input.value.slice(0, query.at) : input.value) + c.text;
    $('canned-menu').classList.add('hidden');
    state.cannedActive = 0;
    input.focus();
  }

  function cannedKey(ev) {
    var menu = $('canned-menu');
    if (menu.classList.contains('hidden')) return false;
    var query = cannedQuery();
    var matches = query ? cannedMatches(query.q) : [];
    if (!matches.length) return false;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      state.cannedActive = (state.cannedActive + (ev.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      showCanned();
      return true;
    }
    if ((ev.key === 'Enter' || ev.key === 'Tab') && !ev.isComposing) {
      ev.preventDefault();
      useCanned(matches[state.cannedActive] || matches[0]);
      return true;
    }
    if (ev.key === 'Escape') { menu.classList.add('hidden'); return true; }
    return false;
  }

  function openFromHash() {
    var m = /^#c=(.+)$/.exec(location.hash);
    if (m) select(decodeURIComponent(m[1]));
  }

  wire();
  loadMe().then(function () {
    loadLists(); loadSeat(); connect();
    // /console#c=<conversation id> opens that conversation (a lead signing a damage report, a link from the lead view)
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
  }).catch(function () { window.location.href = '/login'; });
})();
