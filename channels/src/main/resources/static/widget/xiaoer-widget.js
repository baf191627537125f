/*
 * xiaoer (店小二) chat widget. Plain JS, no build step. Needs socket.io's client (vendor/socket.io.min.js), which it
 * loads by itself when the page has not. Speaks the widget protocol in ARCHITECTURE.md.
 *
 * Embed:  <link rel="stylesheet" href="/widget/xiaoer-widget.css">
 *         <script src="/widget/xiaoer-widget.js" data-shop="default"></script>
 * Options (data-* on the script tag, or XiaoerWidget.init({...}) with data-auto="false"):
 *   config  URL of a JSON {url, port} served by xiaoer (used when url is not given)
 *   url     socket.io server, default same host on port 9092
 *   shop    shop id, default "default"
 *   visitor visitor id, default a random id kept in localStorage
 *   sig     hex HMAC-SHA256 of the visitor id with the shop's widget secret (signed, known customer)
 *   lang    the widget's own words and a first visit's greeting: zh or en, default the page's <html lang>
 *           (en-US, en-GB... are en), else the browser's language, else zh
 *
 * Every text from the network is inserted with textContent, never as HTML.
 */
(function () {
  'use strict';

  var SCRIPT = document.currentScript;
  var BASE = SCRIPT && SCRIPT.src ? SCRIPT.src.replace(/[^/]*$/, '') : '/widget/';
  var MAX_CACHED = 200;          // messages kept in localStorage for a reload
  var ACK_TIMEOUT_MS = 15000;    // an unacked message stays pending and is resent on reconnect
  var TYPING_IDLE_MS = 3000;
  var MAX_LENGTH = 2000;

  // the widget's own words per language; answers come from the server in the shopper's language
  var TEXTS = {};
  TEXTS.zh = {
    title: '在线客服',
    subtitle: '小二在线，随时为您服务',
    agentSubtitle: '客服 {name} 为您服务',
    placeholder: '请输入您的问题…',
    send: '发送',
    typing: '客服正在输入…',
    connected: '已连接',
    connecting: '正在连接…',
    reconnecting: '网络不稳定，正在重新连接…',
    refused: '暂时无法连接客服，请刷新页面后再试',
    sending: '发送中…',
    retry: '重试',
    failed: '发送失败',
    close: '关闭',
    me: '我',
    bot: '小二',
    system: '提示',
    photo: '发送照片（商品损坏、少件、发错货时可拍照给我们）',
    photoUploading: '正在上传… {pct}%',
    photoSent: '照片已发送',
    photoNotImage: '只能上传图片哦（JPG、PNG、WebP 或 GIF），请重新选择~',
    photoTooLarge: '图片太大了，请上传不超过 {mb} MB 的照片哦~',
    photoFailed: '照片没能发出，请稍后再试一次~',
    agent: '客服'
  };
  TEXTS.en = {
    title: 'Customer service',
    subtitle: 'Xiaoer is here to help',
    agentSubtitle: '{name} is helping you',
    placeholder: 'Type your question…',
    send: 'Send',
    typing: 'Typing…',
    connected: 'Connected',
    connecting: 'Connecting…',
    reconnecting: 'Connection unstable, reconnecting…',
    refused: 'Customer service cannot be reached right now. Please refresh the page and try again.',
    sending: 'Sending…',
    retry: 'Retry',
    failed: 'Not sent',
    close: 'Close',
    me: 'Me',
    bot: 'Xiaoer',
    system: 'Notice',
    photo: 'Send a photo (a damaged, missing or wrong item)',
    photoUploading: 'Uploading… {pct}%',
    photoSent: 'Photo sent',
    photoNotImage: 'Only pictures can be sent (JPG, PNG, WebP or GIF). Please choose another file.',
    photoTooLarge: 'That picture is too large. Please send a photo of at most {mb} MB.',
    photoFailed: 'The photo could not be sent. Please try again in a moment.',
    agent: 'Agent'
  };
  var T = TEXTS.zh;

  /** zh or en: the option, else the page's language, else the browser's; Chinese first. */
  function languageOf(option) {
    var tags = [option, document.documentElement && document.documentElement.lang, navigator.language];
    for (var i = 0; i < tags.length; i++) {
      var primary = String(tags[i] || '').toLowerCase().split(/[-_]/)[0];
      if (TEXTS[primary]) return primary;
    }
    return 'zh';
  }
  var PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
  var DEFAULT_MAX_PHOTO = 5 * 1024 * 1024;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function load(key, fallback) {
    var s = storage();
    if (!s) return fallback;
    try { var v = s.getItem(key); return v == null ? fallback : JSON.parse(v); } catch (e) { return fallback; }
  }

  function save(key, value) {
    var s = storage();
    if (!s) return;
    try { s.setItem(key, JSON.stringify(value)); } catch (e) { /* full or blocked: keep going in memory */ }
  }

  function randomId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }

  function timeOf(iso) {
    var d = iso ? new Date(iso) : new Date();
    if (isNaN(d.getTime())) d = new Date();
    var hh = String(d.getHours()).padStart(2, '0');
    var mm = String(d.getMinutes()).padStart(2, '0');
    return hh + ':' + mm;
  }

  function loadSocketIo(done) {
    if (window.io) return done();
    var s = document.createElement('script');
    s.src = BASE + 'vendor/socket.io.min.js';
    s.onload = done;
    document.head.appendChild(s);
  }

  function Widget(options) {
    var o = options || {};
    this.lang = languageOf(o.lang);
    T = TEXTS[this.lang];
    this.shop = o.shop || 'default';
    this.url = o.url || (location.protocol + '//' + (location.hostname || 'localhost') + ':9092');
    this.sig = o.sig || null;
    var visitorKey = 'xiaoer:' + this.shop + ':visitor';
    this.visitor = o.visitor || load(visitorKey, null);
    if (!this.visitor || !/^[A-Za-z0-9_\-:.]{1,64}$/.test(this.visitor)) {
      this.visitor = 'v-' + randomId().replace(/[^A-Za-z0-9-]/g, '').slice(0, 40);
    }
    save(visitorKey, this.visitor);
    this.key = 'xiaoer:' + this.shop + ':' + this.visitor + ':';
    this.lastSeq = Number(load(this.key + 'lastSeq', 0)) || 0;
    this.cache = load(this.key + 'messages', []);          // shown events, by seq, for a reload
    if (!Array.isArray(this.cache)) this.cache = [];
    if (!this.cache.length) this.lastSeq = 0;              // nothing to show: replay everything
    this.pending = load(this.key + 'pending', []);         // [{clientMsgId, text}] not acked yet
    if (!Array.isArray(this.pending)) this.pending = [];
    this.shown = {};                                        // seq -> element
    this.pendingEls = {};                                   // clientMsgId -> element
    this.socket = null;
    this.open = false;
    this.unread = 0;
    this.typingTimer = null;
    this.myTypingTimer = null;
    this.buildDom();
    var self = this;
    this.cache.forEach(function (m) { self.render(m, true); });
    this.pending.forEach(function (p) { self.renderPending(p); });
    if (this.lastSeq > 0 || this.pending.length) this.connect(); // an open conversation: be there for replies
  }

  Widget.prototype.buildDom = function () {
    var self = this;
    var root = el('div', 'xiaoer-root');
    root.id = 'xiaoer-root';

    var launcher = el('button', 'xiaoer-launcher');
    launcher.id = 'xiaoer-launcher';
    launcher.type = 'button';
    launcher.setAttribute('aria-label', T.title);
    launcher.appendChild(el('span', 'xiaoer-launcher-icon', '💬'));
    launcher.appendChild(el('span', 'xiaoer-launcher-text', T.title));
    this.badge = el('span', 'xiaoer-badge');
    this.badge.hidden = true;
    launcher.appendChild(this.badge);
    launcher.addEventListener('click', function () { self.toggle(); });

    var panel = el('section', 'xiaoer-panel');
    panel.id = 'xiaoer-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', T.title);

    var header = el('header', 'xiaoer-header');
    var avatar = el('div', 'xiaoer-avatar xiaoer-avatar-bot', T.bot);
    var titles = el('div', 'xiaoer-titles');
    titles.appendChild(el('div', 'xiaoer-title', T.title));
    this.subtitle = el('div', 'xiaoer-subtitle', T.subtitle);
    titles.appendChild(this.subtitle);
    this.status = el('div', 'xiaoer-status', T.connecting);
    this.status.id = 'xiaoer-status';
    this.status.setAttribute('data-state', 'idle');
    titles.appendChild(this.status);
    var close = el('button', 'xiaoer-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', T.close);
    close.addEventListener('click', function () { self.toggle(false); });
    header.appendChild(avatar);
    header.appendChild(titles);
    header.appendChild(close);

    this.list = el('div', 'xiaoer-messages');
    this.list.id = 'xiaoer-messages';
    this.list.setAttribute('aria-live', 'polite');

    this.typing = el('div', 'xiaoer-typing', T.typing);
    this.typing.id = 'xiaoer-typing';
    this.typing.hidden = true;

    var form = el('form', 'xiaoer-compose');
    this.input = el('textarea', 'xiaoer-input');
    this.input.id = 'xiaoer-input';
    this.input.rows = 1;
    this.input.maxLength = MAX_LENGTH;
    this.input.placeholder = T.placeholder;
    this.sendButton = el('button', 'xiaoer-send', T.send);
    this.sendButton.id = 'xiaoer-send';
    this.sendButton.type = 'submit';
    this.photoButton = el('button', 'xiaoer-photo', '📷');
    this.photoButton.id = 'xiaoer-photo';
    this.photoButton.type = 'button';
    this.photoButton.title = T.photo;
    this.photoButton.setAttribute('aria-label', T.photo);
    this.fileInput = el('input', 'xiaoer-file');
    this.fileInput.id = 'xiaoer-file';
    this.fileInput.type = 'file';
    this.fileInput.accept = PHOTO_TYPES.join(',');
    this.fileInput.hidden = true;
    this.photoButton.addEventListener('click', function () { self.fileInput.click(); });
    this.fileInput.addEventListener('change', function () {
      var f = self.fileInput.files && self.fileInput.files[0];
      self.fileInput.value = '';
      if (f) self.sendPhoto(f);
    });
    form.appendChild(this.photoButton);
    form.appendChild(this.fileInput);
    form.appendChild(this.input);
    form.appendChild(this.sendButton);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      self.sendText(self.input.value);
    });
    this.input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        self.sendText(self.input.value);
      }
    });
    this.input.addEventListener('input', function () { self.shopperTyping(); });

    panel.appendChild(header);
    panel.appendChild(this.list);
    panel.appendChild(this.typing);
    panel.appendChild(form);
    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);
    this.panel = panel;
  };

  Widget.prototype.toggle = function (force) {
    this.open = force === undefined ? !this.open : !!force;
    this.panel.hidden = !this.open;
    if (this.open) {
      this.unread = 0;
      this.badge.hidden = true;
      this.connect();
      this.scrollDown();
      this.input.focus();
    }
  };

  Widget.prototype.setStatus = function (state, text) {
    this.status.setAttribute('data-state', state);
    this.status.textContent = text;
  };

  Widget.prototype.connect = function () {
    if (this.socket) return;
    var self = this;
    this.setStatus('connecting', T.connecting);
    loadSocketIo(function () {
      if (self.socket) return;
      var query = { shop: self.shop, visitor: self.visitor, lastSeq: String(self.lastSeq), lang: self.lang };
      if (self.sig) query.sig = self.sig;
      var socket = window.io(self.url, { query: query, transports: ['websocket', 'polling'] });
      self.socket = socket;
      // the query is read at every (re)connect: always ask for what came after the newest event shown
      socket.io.on('reconnect_attempt', function () { socket.io.opts.query.lastSeq = String(self.lastSeq); });
      socket.on('connect', function () {
        self.setStatus('connected', T.connected);
        self.resendPending();
      });
      socket.on('disconnect', function () {
        socket.io.opts.query.lastSeq = String(self.lastSeq);
        self.setStatus('reconnecting', T.reconnecting);
      });
      socket.on('connect_error', function () {
        socket.io.opts.query.lastSeq = String(self.lastSeq);
        self.setStatus('reconnecting', socket.active ? T.reconnecting : T.refused);
      });
      socket.on('message', function (m) { self.onMessage(m); });
      socket.on('typing', function (t) { self.onTyping(t); });
    });
  };

  // ---- incoming ----

  Widget.prototype.onMessage = function (m) {
    if (!m || typeof m.seq !== 'number') return;
    if (m.from === 'shopper' && m.clientMsgId && this.pendingEls[m.clientMsgId]) {
      this.confirm(m.clientMsgId, m.seq); // our own message came back on replay: it is stored
      return;
    }
    if (this.shown[m.seq]) return;
    this.render(m, false);
    if (m.seq > this.lastSeq) {
      this.lastSeq = m.seq;
      save(this.key + 'lastSeq', this.lastSeq);
    }
    this.cache.push(m);
    if (this.cache.length > MAX_CACHED) this.cache = this.cache.slice(-MAX_CACHED);
    save(this.key + 'messages', this.cache);
    if (m.from !== 'shopper') {
      this.showTyping(false);
      if (!this.open) {
        this.unread += 1;
        this.badge.textContent = String(this.unread);
        this.badge.hidden = false;
      }
    }
  };

  Widget.prototype.onTyping = function (t) {
    if (!t || t.from === 'shopper') return;
    this.showTyping(!!t.on);
  };

  Widget.prototype.showTyping = function (on) {
    var self = this;
    this.typing.hidden = !on;
    clearTimeout(this.typingTimer);
    if (on) this.typingTimer = setTimeout(function () { self.typing.hidden = true; }, 10000);
  };

  // ---- photos (damaged / missing / wrong items): a token over the socket, then an HTTP POST with progress ----

  Widget.prototype.sendPhoto = function (file) {
    var self = this;
    var row = this.bubble('shopper', '', new Date().toISOString());
    row.classList.add('xiaoer-photo-row', 'xiaoer-pending');
    var body = row.querySelector('.xiaoer-body');
    var img = el('img', 'xiaoer-photo-preview');
    img.alt = T.photo;
    try { img.src = URL.createObjectURL(file); } catch (e) { /* no preview */ }
    body.insertBefore(img, body.querySelector('.xiaoer-text'));
    var status = el('div', 'xiaoer-photo-status', '');
    body.appendChild(status);
    this.list.appendChild(row);
    this.scrollDown();
    function failed(text) {
      row.classList.remove('xiaoer-pending');
      row.classList.add('xiaoer-failed');
      status.textContent = text;
      status.setAttribute('role', 'alert');
    }
    if (PHOTO_TYPES.indexOf(file.type) < 0) { failed(T.photoNotImage); return; }
    var max = this.maxPhotoBytes || DEFAULT_MAX_PHOTO;
    if (file.size > max) { failed(T.photoTooLarge.replace('{mb}', String(Math.floor(max / 1048576)))); return; }
    if (!this.socket || !this.socket.connected) { failed(T.photoFailed); return; }
    status.textContent = T.photoUploading.replace('{pct}', '0');
    this.socket.timeout(ACK_TIMEOUT_MS).emit('upload-token', {}, function (err, ack) {
      if (err || !ack || !ack.ok) { failed((ack && ack.message) || T.photoFailed); return; }
      if (ack.maxBytes) self.maxPhotoBytes = ack.maxBytes;
      if (ack.maxBytes && file.size > ack.maxBytes) {
        failed(T.photoTooLarge.replace('{mb}', String(Math.floor(ack.maxBytes / 1048576))));
        return;
      }
      var xhr = new XMLHttpRequest();
      xhr.open('POST', self.uploadUrl());
      xhr.setRequestHeader('X-Upload-Token', ack.token);
      xhr.setRequestHeader('Content-Type', file.type);
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) status.textContent = T.photoUploading.replace('{pct}', String(Math.round(e.loaded * 100 / e.total)));
      };
      xhr.onload = function () {
        var res = null;
        try { res = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        if (xhr.status === 201 && res) {
          row.classList.remove('xiaoer-pending');
          row.setAttribute('data-attachment', res.id);
          status.textContent = T.photoSent;
          if (res.seq) { row.setAttribute('data-seq', String(res.seq)); self.shown[res.seq] = row; }
        } else {
          failed(res && res.message ? res.message : T.photoFailed);
        }
      };
      xhr.onerror = function () { failed(T.photoFailed); };
      xhr.send(file);
    });
  };

  /** The upload endpoint lives with the HTTP server that served this script. */
  Widget.prototype.uploadUrl = function () {
    var base = BASE.replace(/widget\/$/, '');
    return (base || '/') + 'api/widget/uploads';
  };

  // ---- rendering ----

  Widget.prototype.bubble = function (from, text, at, agentName) {
    var row = el('div', 'xiaoer-msg xiaoer-from-' + from);
    row.setAttribute('data-from', from);
    var initials = from === 'shopper' ? T.me : from === 'agent' ? (agentName || T.agent).slice(0, 1)
      : from === 'system' ? 'i' : T.bot;
    row.appendChild(el('div', 'xiaoer-avatar xiaoer-avatar-' + from, initials));
    var body = el('div', 'xiaoer-body');
    var meta = el('div', 'xiaoer-meta');
    if (from === 'agent' && agentName) meta.appendChild(el('span', 'xiaoer-name', agentName));
    meta.appendChild(el('time', 'xiaoer-time', timeOf(at)));
    body.appendChild(meta);
    body.appendChild(el('div', 'xiaoer-text', text));
    row.appendChild(body);
    return row;
  };

  Widget.prototype.render = function (m, fromCache) {
    if (this.shown[m.seq]) return;
    var self = this;
    var agentName = m.agent && m.agent.name ? m.agent.name : (m.agentName || null);
    var row = this.bubble(m.from || 'bot', m.text || '', m.at, agentName);
    row.setAttribute('data-seq', String(m.seq));
    if (Array.isArray(m.quickReplies) && m.quickReplies.length) {
      var buttons = el('div', 'xiaoer-quick-replies');
      m.quickReplies.forEach(function (q) {
        if (!q || typeof q.text !== 'string') return;
        var b = el('button', 'xiaoer-quick-reply', q.label || q.text);
        b.type = 'button';
        b.addEventListener('click', function () { self.sendText(q.text); });
        buttons.appendChild(b);
      });
      row.querySelector('.xiaoer-body').appendChild(buttons);
    }
    if (agentName) this.subtitle.textContent = T.agentSubtitle.replace('{name}', agentName);
    this.shown[m.seq] = row;
    this.insertBySeq(row, m.seq);
    if (!fromCache) this.scrollDown();
  };

  // events are shown in seq order even when a replay and live events interleave; pending ones stay last
  Widget.prototype.insertBySeq = function (row, seq) {
    var children = this.list.children;
    for (var i = 0; i < children.length; i++) {
      var s = children[i].getAttribute('data-seq');
      if (s === null || Number(s) > seq) {
        this.list.insertBefore(row, children[i]);
        return;
      }
    }
    this.list.appendChild(row);
  };

  Widget.prototype.renderPending = function (p) {
    var row = this.bubble('shopper', p.text, null, null);
    row.classList.add('xiaoer-pending');
    row.setAttribute('data-client-msg-id', p.clientMsgId);
    row.appendChild(el('div', 'xiaoer-state', T.sending));
    this.pendingEls[p.clientMsgId] = row;
    this.list.appendChild(row);
    this.scrollDown();
  };

  Widget.prototype.scrollDown = function () {
    this.list.scrollTop = this.list.scrollHeight;
  };

  // ---- outgoing ----

  Widget.prototype.sendText = function (raw) {
    var text = String(raw || '').trim();
    if (!text) return;
    if (text.length > MAX_LENGTH) text = text.slice(0, MAX_LENGTH);
    this.input.value = '';
    this.stopTyping();
    var p = { clientMsgId: this.visitor + '-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8),
      text: text };
    this.pending.push(p);
    save(this.key + 'pending', this.pending);
    this.renderPending(p);
    if (!this.socket) this.connect();
    else if (this.socket.connected) this.emit(p);
    // not connected: resendPending() sends it on connect
  };

  Widget.prototype.emit = function (p) {
    var self = this;
    var row = this.pendingEls[p.clientMsgId];
    if (row) this.setRowState(row, T.sending, false);
    this.socket.timeout(ACK_TIMEOUT_MS).emit('message', { clientMsgId: p.clientMsgId, text: p.text }, function (err, ack) {
      if (err) return; // no ack (yet): still pending, resent with the same clientMsgId after a reconnect
      if (ack && ack.ok === true && typeof ack.seq === 'number') self.confirm(p.clientMsgId, ack.seq);
      else self.fail(p, ack && ack.message ? ack.message : T.failed);
    });
  };

  Widget.prototype.resendPending = function () {
    var self = this;
    this.pending.slice().forEach(function (p) { self.emit(p); });
  };

  Widget.prototype.dropPending = function (clientMsgId) {
    this.pending = this.pending.filter(function (x) { return x.clientMsgId !== clientMsgId; });
    save(this.key + 'pending', this.pending);
    delete this.pendingEls[clientMsgId];
  };

  // the server stored it: the bubble becomes a regular message with its seq (once, even if acked twice)
  Widget.prototype.confirm = function (clientMsgId, seq) {
    var row = this.pendingEls[clientMsgId];
    var p = this.pending.filter(function (x) { return x.clientMsgId === clientMsgId; })[0];
    this.dropPending(clientMsgId);
    if (!row) return;
    if (this.shown[seq]) { row.remove(); return; }
    row.classList.remove('xiaoer-pending', 'xiaoer-failed');
    var state = row.querySelector('.xiaoer-state');
    if (state) state.remove();
    row.setAttribute('data-seq', String(seq));
    row.removeAttribute('data-client-msg-id');
    this.shown[seq] = row;
    row.remove();
    this.insertBySeq(row, seq);
    if (seq > this.lastSeq) {
      this.lastSeq = seq;
      save(this.key + 'lastSeq', this.lastSeq);
    }
    this.cache.push({ seq: seq, from: 'shopper', text: p ? p.text : row.querySelector('.xiaoer-text').textContent,
      at: new Date().toISOString() });
    if (this.cache.length > MAX_CACHED) this.cache = this.cache.slice(-MAX_CACHED);
    save(this.key + 'messages', this.cache);
    this.scrollDown();
  };

  // refused (rate limit, too long, ...): show why, and offer to send it again
  Widget.prototype.fail = function (p, message) {
    var self = this;
    var row = this.pendingEls[p.clientMsgId];
    this.pending = this.pending.filter(function (x) { return x.clientMsgId !== p.clientMsgId; });
    save(this.key + 'pending', this.pending);
    if (!row) return;
    row.classList.add('xiaoer-failed');
    this.setRowState(row, message, true, function () {
      self.pending.push(p);
      save(self.key + 'pending', self.pending);
      if (self.socket && self.socket.connected) self.emit(p);
    });
  };

  Widget.prototype.setRowState = function (row, text, failed, onRetry) {
    var state = row.querySelector('.xiaoer-state');
    if (!state) { state = el('div', 'xiaoer-state'); row.appendChild(state); }
    state.textContent = '';
    state.appendChild(el('span', 'xiaoer-state-text', text));
    if (failed && onRetry) {
      var retry = el('button', 'xiaoer-retry', T.retry);
      retry.type = 'button';
      retry.addEventListener('click', function () { row.classList.remove('xiaoer-failed'); onRetry(); });
      state.appendChild(retry);
    }
  };

  Widget.prototype.shopperTyping = function () {
    var self = this;
    if (!this.socket || !this.socket.connected) return;
    if (!this.myTypingTimer) this.socket.emit('typing', { on: true });
    clearTimeout(this.myTypingTimer);
    this.myTypingTimer = setTimeout(function () { self.stopTyping(); }, TYPING_IDLE_MS);
  };

  Widget.prototype.stopTyping = function () {
    if (!this.myTypingTimer) return;
    clearTimeout(this.myTypingTimer);
    this.myTypingTimer = null;
    if (this.socket && this.socket.connected) this.socket.emit('typing', { on: false });
  };

  var instance = null;
  var XiaoerWidget = {
    /** Starts the widget once; later calls return the same instance. */
    init: function (options) {
      if (instance) return instance;
      var start = function () { instance = instance || new Widget(options); };
      if (document.body) start();
      else document.addEventListener('DOMContentLoaded', start);
      return instance;
    },
    open: function () { if (instance) instance.toggle(true); },
    instance: function () { return instance; }
  };
  window.XiaoerWidget = XiaoerWidget;

  var ds = SCRIPT ? SCRIPT.dataset : {};
  if (ds.auto !== 'false') {
    var options = { url: ds.url, shop: ds.shop, visitor: ds.visitor, sig: ds.sig, lang: ds.lang };
    if (ds.config && !ds.url) {
      // the xiaoer server tells where its widget port is (it may not be the default 9092)
      fetch(ds.config, { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; })
        .then(function (cfg) {
          options.url = cfg.url || (cfg.port ? location.protocol + '//' + (location.hostname || 'localhost') + ':' + cfg.port : undefined);
          XiaoerWidget.init(options);
        });
    } else {
      XiaoerWidget.init(options);
    }
  }
})();
