/*
 * The trainer's test box: sends a text to /api/bot/explain and shows the bot's whole decision. textContent only.
 */
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var csrf = null;
  var TYPES = { bargain: '砍价型 bargain', skeptic: '怀疑型 skeptic', cautious: '谨慎型 cautious',
    urgent: '急躁型 urgent', angry: '生气型 angry' };
  var DECISIONS = { answer: '回答 answer', suggest: '推荐问题 suggest', handoff: '转人工 handoff' };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function loadMe() {
    return fetch('/api/me', { credentials: 'same-origin' }).then(function (res) {
      if (res.status === 401) { window.location.href = '/login'; throw new Error('unauthorized'); }
      return res.json();
    }).then(function (me) {
      csrf = me.csrf;
      $('user-name').textContent = me.name;
      $('logout-csrf').name = me.csrf.parameterName;
      $('logout-csrf').value = me.csrf.token;
    });
  }

  function explain(ev) {
    ev.preventDefault();
    var text = $('explain-text').value;
    var history = $('explain-history').value.split('\n').map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
    var body = { text: text, history: history };
    if ($('explain-lang').value) body.lang = $('explain-lang').value;
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrf) headers[csrf.headerName] = csrf.token;
    $('explain-error').classList.add('hidden');
    fetch('/api/bot/explain', { method: 'POST', headers: headers, credentials: 'same-origin',
      body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (data) { return { ok: res.ok, data: data }; }); })
      .then(function (r) {
        if (!r.ok) { showError(r.data && r.data.message ? r.data.message : '请求失败'); return; }
        render(r.data);
      })
      .catch(function () { showError('网络错误 · Network error'); });
  }

  function showError(text) {
    $('explain-error').textContent = text;
    $('explain-error').classList.remove('hidden');
  }

  function render(x) {
    var d = $('r-decision');
    d.textContent = DECISIONS[x.decision] || x.decision;
    d.className = 'decision ' + x.decision;
    $('r-script').textContent = x.scriptId || '—';
    $('r-score').textContent = Number(x.score).toFixed(3);
    $('r-handoff').textContent = x.handoffReason || '—';
    var type = x.customerType ? (TYPES[x.customerType] || x.customerType) : '—';
    if (x.cues && x.cues.length) type += '(线索 cues:' + x.cues.join('、') + ')';
    $('r-type').textContent = type;
    $('r-semantic').textContent = x.semanticUsed ? '是 · yes' : '否 · no (lexical was sure)';
    var tokens = $('r-tokens');
    tokens.replaceChildren();
    (x.tokens || []).forEach(function (t) { tokens.appendChild(el('span', null, t)); });
    $('r-text').textContent = x.text;
    var quick = $('r-quick');
    quick.replaceChildren();
    (x.quickReplies || []).forEach(function (q) { quick.appendChild(el('span', 'chip', q.label)); });
    renderLint(x.lint || []);
    renderCandidates(x.candidates || [], x.scriptId);
    $('result').classList.remove('hidden');
  }

  function renderLint(findings) {
    var list = $('r-lint');
    list.replaceChildren();
    if (!findings.length) { list.appendChild(el('li', 'ok', '✓ 没有问题 · Clean')); return; }
    findings.forEach(function (f) {
      list.appendChild(el('li', null, (f.kind === 'promise' ? '绝对承诺' : '服务禁用语') + '「' + f.rule + '」 ['
        + f.start + '–' + f.end + ')' + (f.suggestion ? ' → 建议:' + f.suggestion : '')));
    });
  }

  function renderCandidates(candidates, chosen) {
    var body = $('r-candidates').querySelector('tbody');
    body.replaceChildren();
    candidates.forEach(function (c, i) {
      var tr = el('tr', c.scriptId === chosen ? 'best' : null);
      tr.appendChild(el('td', null, i + 1));
      tr.appendChild(el('td', null, c.scriptId));
      var score = el('td', null, Number(c.score).toFixed(3));
      var bar = el('span', 'bar');
      bar.style.width = Math.round(Math.max(0, Math.min(1, c.score)) * 80) + 'px';
      score.appendChild(bar);
      tr.appendChild(score);
      tr.appendChild(el('td', null, Number(c.lexical).toFixed(3)));
      tr.appendChild(el('td', null, Number(c.semantic).toFixed(3)));
      var terms = el('td', 'terms');
      (c.matchedTerms || []).forEach(function (t) { terms.appendChild(el('span', null, t)); });
      tr.appendChild(terms);
      body.appendChild(tr);
    });
    if (!candidates.length) {
      var tr = el('tr');
      var td = el('td', null, '没有候选 · No candidates');
      td.colSpan = 6;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }

  $('explain-form').addEventListener('submit', explain);
  $('explain-text').addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) explain(ev);
  });
  loadMe().catch(function () { /* the page still works for the public API */ });
})();
