/*
 * GCM Helpdesk web chat, for any page: <script src="https://BOT-HOST/web/widget.js" defer></script>
 *
 * Plain browser JavaScript, no framework, no build step: the bot serves this file as it is.
 * Everything lives in a shadow root, so the page's CSS neither breaks nor is broken by it.
 * Server text only ever reaches the page as text nodes (see renderMarkdown), never parsed as HTML.
 *
 * The conversation: POST /web/messages answers the bot's replies at once; GET
 * /web/sessions/:id/events (Server-Sent Events) brings every stored message of the session, so
 * staff replies arrive and a reload shows the history. The replies already shown from the POST
 * come through the stream too and are recognised and skipped (see onStreamMessage).
 */
(function () {
  'use strict';

  if (window.__gcmChatWidget) return;
  window.__gcmChatWidget = true;

  var TEXT = {
    title: 'Hỏi đáp về di cư an toàn',
    open: 'Mở hộp hỏi đáp',
    launcher: 'Hỏi đáp',
    close: 'Đóng hộp hỏi đáp',
    intro:
      'Xin chào! Bạn có thể hỏi về đi làm việc, học tập ở nước ngoài, kết hôn với người nước ' +
      'ngoài, thị thực, phòng chống mua bán người và nơi nhận hỗ trợ. Thông tin do cơ quan ' +
      'chức năng cung cấp; đây là hướng dẫn chung, không thay cho tư vấn pháp lý về trường hợp ' +
      'riêng của bạn.',
    placeholder: 'Nhập câu hỏi của bạn…',
    inputLabel: 'Câu hỏi của bạn',
    send: 'Gửi',
    handoff: 'Gặp cán bộ',
    typing: 'Đang trả lời…',
    empty: 'Vui lòng nhập câu hỏi trước khi gửi.',
    tooLong: 'Câu hỏi quá dài (tối đa 2000 ký tự).',
    network: 'Không kết nối được. Vui lòng kiểm tra mạng rồi thử lại.',
    failed: 'Hệ thống tạm thời chưa trả lời được. Vui lòng thử lại sau ít phút.',
    unread: ' tin nhắn mới',
    you: 'Bạn',
    bot: 'Trả lời',
    document: 'Tài liệu',
  };
  var MAX_TEXT = 2000;
  var SESSION_KEY = 'gcm-chat-session';
  var ACTIVE_KEY = 'gcm-chat-active';
  var OPEN_KEY = 'gcm-chat-open';
  /** How long a shown reply waits to be recognised in the stream before it is forgotten. */
  var ECHO_MS = 120000;

  var script = document.currentScript || findOwnScript();
  if (!script || !script.src) return;
  var BASE = new URL(script.src, location.href).origin;

  var state = {
    sessionId: loadSession(),
    lastSeq: 0,
    open: false,
    pending: 0,
    unread: 0,
    stream: null,
    reconnectMs: 2000,
    /** 'in' messages sent from here whose copy in the stream is still to come. */
    expectIn: [],
    /** Replies shown from a POST answer whose copy in the stream is still to come. */
    expectOut: [],
    /** Replies shown from the stream while a POST was waiting for its answer. */
    seenOut: [],
  };

  var ui = build();
  showUnread();
  if (readStore(sessionStorage, OPEN_KEY) === '1' || script.getAttribute('data-open') === 'true') {
    setOpen(true, false);
  } else if (readStore(localStorage, ACTIVE_KEY) === '1') {
    // A conversation is under way: listen for staff replies even while the box is closed.
    connect();
  }

  // ---- the page ----

  function build() {
    var host = document.createElement('div');
    host.setAttribute('data-gcm-chat', '');
    var root = host.attachShadow({ mode: 'open' });
    addStyles(root);

    var launcher = el('button', 'launcher', { type: 'button', 'aria-expanded': 'false' });
    launcher.appendChild(chatIcon());
    launcher.appendChild(el('span', 'launcher-text', {}, TEXT.launcher));
    var badge = el('span', 'badge', { 'aria-hidden': 'true' });
    badge.hidden = true;
    launcher.appendChild(badge);

    var panel = el('section', 'panel', {
      id: 'gcm-chat-panel',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': 'gcm-chat-title',
    });
    panel.hidden = true;
    launcher.setAttribute('aria-controls', 'gcm-chat-panel');

    var header = el('header', 'header');
    header.appendChild(el('h2', 'title', { id: 'gcm-chat-title' }, TEXT.title));
    var closeButton = el('button', 'close', { type: 'button', 'aria-label': TEXT.close }, '×');
    header.appendChild(closeButton);

    var log = el('div', 'log', { role: 'log', 'aria-live': 'polite', tabindex: '0' });
    log.appendChild(el('p', 'intro', {}, TEXT.intro));

    var status = el('p', 'status', { role: 'status', 'aria-live': 'polite' });

    var form = el('form', 'composer');
    var input = el('textarea', 'input', {
      rows: '2',
      maxlength: String(MAX_TEXT),
      placeholder: TEXT.placeholder,
      'aria-label': TEXT.inputLabel,
    });
    var sendButton = el('button', 'send', { type: 'submit' }, TEXT.send);
    form.appendChild(input);
    form.appendChild(sendButton);

    var handoff = el('button', 'handoff', { type: 'button' }, TEXT.handoff);

    panel.appendChild(header);
    panel.appendChild(log);
    panel.appendChild(status);
    panel.appendChild(form);
    panel.appendChild(handoff);
    root.appendChild(panel);
    root.appendChild(launcher);

    launcher.addEventListener('click', function () {
      setOpen(!state.open, true);
    });
    closeButton.addEventListener('click', function () {
      setOpen(false, true);
    });
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') setOpen(false, true);
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      sendText();
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendText();
      }
    });
    handoff.addEventListener('click', function () {
      post({ action: 'handoff' }, TEXT.handoff);
    });

    (document.body || document.documentElement).appendChild(host);
    return {
      launcher: launcher,
      badge: badge,
      panel: panel,
      log: log,
      status: status,
      input: input,
    };
  }

  function setOpen(open, moveFocus) {
    state.open = open;
    ui.panel.hidden = !open;
    ui.launcher.setAttribute('aria-expanded', String(open));
    writeStore(sessionStorage, OPEN_KEY, open ? '1' : '0');
    if (open) {
      state.unread = 0;
      showUnread();
      connect();
      scrollToEnd();
      if (moveFocus) ui.input.focus();
    } else if (moveFocus) {
      ui.launcher.focus();
    }
  }

  function showUnread() {
    ui.badge.hidden = state.unread === 0;
    ui.badge.textContent = String(state.unread);
    ui.launcher.setAttribute(
      'aria-label',
      state.unread ? TEXT.open + ' (' + state.unread + TEXT.unread + ')' : TEXT.open,
    );
  }

  function showStatus(text) {
    ui.status.textContent = text || '';
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  // ---- sending ----

  function sendText() {
    // Counted as the bot counts it: in characters, after composing to NFC.
    var text = ui.input.value.normalize('NFC').trim();
    if (!text) return showStatus(TEXT.empty);
    if (Array.from(text).length > MAX_TEXT) return showStatus(TEXT.tooLong);
    ui.input.value = '';
    post({ text: text }, text);
  }

  function post(payload, shown) {
    showUser(shown);
    state.expectIn.push(Date.now());
    writeStore(localStorage, ACTIVE_KEY, '1');
    connect();
    var body = { sessionId: state.sessionId, clientMessageId: uuid() };
    if (payload.text !== undefined) body.text = payload.text;
    if (payload.action !== undefined) body.action = payload.action;

    state.pending += 1;
    ui.log.setAttribute('aria-busy', 'true');
    showStatus(TEXT.typing);
    deliver(body, 1)
      .then(function (replies) {
        showStatus('');
        replies.forEach(function (reply) {
          var signature = replySignature(reply);
          if (take(state.seenOut, signature)) return;
          state.expectOut.push({ signature: signature, at: Date.now() });
          showReply(reply);
        });
      })
      .catch(function (error) {
        showStatus(error.message);
        if (payload.text !== undefined && !ui.input.value) ui.input.value = payload.text;
      })
      .then(function () {
        state.pending -= 1;
        if (state.pending === 0) {
          state.seenOut = [];
          ui.log.removeAttribute('aria-busy');
        }
      });
  }

  /** Posts once more after a network failure: the same message id, so it is not run twice. */
  function deliver(body, retries) {
    return fetch(BASE + '/web/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(
      function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (answer) {
            if (!response.ok) throw new Error(answer.message || TEXT.failed);
            return Array.isArray(answer.replies) ? answer.replies : [];
          });
      },
      function () {
        if (retries <= 0) throw new Error(TEXT.network);
        return wait(1500).then(function () {
          return deliver(body, retries - 1);
        });
      },
    );
  }

  // ---- the stream ----

  function connect() {
    if (state.stream || typeof EventSource === 'undefined') return;
    var url =
      BASE +
      '/web/sessions/' +
      encodeURIComponent(state.sessionId) +
      '/events?after=' +
      state.lastSeq;
    var stream = new EventSource(url);
    state.stream = stream;
    stream.onopen = function () {
      state.reconnectMs = 2000;
    };
    stream.onmessage = function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      onStreamMessage(message);
    };
    stream.onerror = function () {
      // The browser reconnects by itself unless the server refused the stream (CLOSED).
      if (stream.readyState !== EventSource.CLOSED) return;
      state.stream = null;
      setTimeout(connect, state.reconnectMs);
      state.reconnectMs = Math.min(state.reconnectMs * 2, 30000);
    };
  }

  function onStreamMessage(message) {
    if (!message || typeof message.seq !== 'number' || message.seq <= state.lastSeq) return;
    state.lastSeq = message.seq;
    forgetOld();
    if (message.direction === 'in') {
      // The person's own message, already on screen when it was sent from this page.
      if (state.expectIn.length) state.expectIn.shift();
      else if (message.text) showUser(message.text);
      return;
    }
    if (!message.reply) return;
    var signature = replySignature(message.reply);
    if (takeExpected(signature)) return;
    if (state.pending > 0) state.seenOut.push(signature);
    showReply(message.reply);
    if (!state.open) {
      state.unread += 1;
      showUnread();
    }
  }

  function replySignature(reply) {
    return [reply.type, reply.text || '', reply.url || '', reply.title || ''].join('\u0000');
  }

  function takeExpected(signature) {
    for (var i = 0; i < state.expectOut.length; i++) {
      if (state.expectOut[i].signature === signature) {
        state.expectOut.splice(i, 1);
        return true;
      }
    }
    return false;
  }

  function forgetOld() {
    var since = Date.now() - ECHO_MS;
    state.expectOut = state.expectOut.filter(function (e) {
      return e.at > since;
    });
    state.expectIn = state.expectIn.filter(function (at) {
      return at > since;
    });
  }

  function take(list, value) {
    var index = list.indexOf(value);
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  // ---- showing messages ----

  function showUser(text) {
    var bubble = el('div', 'message user');
    bubble.appendChild(el('span', 'sr-only', {}, TEXT.you + ': '));
    bubble.appendChild(document.createTextNode(text));
    ui.log.appendChild(bubble);
    scrollToEnd();
  }

  function showReply(reply) {
    var bubble = el('div', 'message bot');
    bubble.appendChild(el('span', 'sr-only', {}, TEXT.bot + ': '));
    if (reply.type === 'text') {
      if (reply.format === 'markdown') bubble.appendChild(renderMarkdown(String(reply.text || '')));
      else bubble.appendChild(el('div', 'plain', {}, String(reply.text || '')));
      if (Array.isArray(reply.buttons)) bubble.appendChild(renderButtons(reply.buttons));
    } else if (reply.type === 'document') {
      var label = TEXT.document + ': ' + (reply.fileName || reply.url);
      bubble.appendChild(safeLink(reply.url, label) || document.createTextNode(label));
      if (reply.caption) bubble.appendChild(el('div', 'plain', {}, String(reply.caption)));
    } else if (reply.type === 'link') {
      var title = String(reply.title || reply.url);
      bubble.appendChild(safeLink(reply.url, title) || document.createTextNode(title));
      if (reply.description) bubble.appendChild(el('div', 'plain', {}, String(reply.description)));
    } else {
      return;
    }
    ui.log.appendChild(bubble);
    scrollToEnd();
  }

  function renderButtons(rows) {
    var box = el('div', 'buttons');
    rows.forEach(function (row) {
      var line = el('div', 'button-row');
      (Array.isArray(row) ? row : []).forEach(function (button) {
        if (!button || typeof button.action !== 'string') return;
        var label = String(button.label || button.action);
        var node = el('button', 'choice', { type: 'button' }, label);
        node.addEventListener('click', function () {
          post({ action: button.action }, label);
        });
        line.appendChild(node);
      });
      box.appendChild(line);
    });
    return box;
  }

  /**
   * The Markdown subset the API writes: **bold**, _italic_ / *italic*, [text](url), bare URLs,
   * "- " and "1. " lists. Built from text nodes and elements, so markup in the text stays text.
   */
  function renderMarkdown(source) {
    var out = document.createDocumentFragment();
    var list = null;
    source
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .forEach(function (line) {
        var bullet = /^\s*(?:[-*•])\s+(.*)$/.exec(line);
        var numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
        var item = bullet || numbered;
        if (item) {
          var kind = bullet ? 'ul' : 'ol';
          if (!list || list.tagName.toLowerCase() !== kind) {
            list = document.createElement(kind);
            out.appendChild(list);
          }
          var li = document.createElement('li');
          appendInline(li, item[1]);
          list.appendChild(li);
          return;
        }
        list = null;
        if (!line.trim()) return;
        var paragraph = el('p', 'line');
        appendInline(paragraph, line);
        out.appendChild(paragraph);
      });
    return out;
  }

  var INLINE =
    /\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]])|(^|[\s(])[_*]([^_*\n]+)[_*](?=$|[\s).,;:!?])/g;

  function appendInline(parent, text) {
    var last = 0;
    var match;
    INLINE.lastIndex = 0;
    while ((match = INLINE.exec(text))) {
      appendText(parent, text.slice(last, match.index));
      if (match[1] !== undefined) {
        var strong = el('strong', '', {});
        if (SHORT_NUMBER.test(match[1])) strong.appendChild(telLink(match[1]));
        else appendText(strong, match[1]);
        parent.appendChild(strong);
      } else if (match[2] !== undefined) {
        parent.appendChild(safeLink(match[3], match[2]) || document.createTextNode(match[0]));
      } else if (match[4] !== undefined) {
        parent.appendChild(safeLink(match[4], match[4]) || document.createTextNode(match[4]));
      } else {
        appendText(parent, match[5]);
        var em = el('em', '', {});
        appendText(em, match[6]);
        parent.appendChild(em);
      }
      last = INLINE.lastIndex;
    }
    appendText(parent, text.slice(last));
  }

  /**
   * Telephone numbers become links to call them with a tap (a phone's browser does not find them
   * itself, as the Telegram and Zalo apps do): eight to fifteen digits starting with "+", 0 or 1,
   * spaced or dashed as people write them ("+84 981 84 84 84", "0981-848-484", "1800 1567"), not
   * a sum of money ("50.000.000") or years ("2021-2030"); and a short emergency number written on
   * its own in bold ("**113**").
   */
  var PHONE = /(^|[^\p{L}\p{N}+])((?:\+|0|1)\d(?:[ -]?\d){6,13})(?![\p{L}\p{N}])/gu;
  var SHORT_NUMBER = /^1(?:11|13|14|15)$/;

  function appendText(parent, text) {
    var last = 0;
    var match;
    PHONE.lastIndex = 0;
    while ((match = PHONE.exec(text))) {
      var start = match.index + match[1].length;
      parent.appendChild(document.createTextNode(text.slice(last, start)));
      parent.appendChild(telLink(match[2]));
      last = start + match[2].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function telLink(number) {
    var link = el('a', 'link', { href: 'tel:' + number.replace(/[^+\d]/g, '') });
    link.textContent = number;
    return link;
  }

  /** A link that opens in a new tab without access to this page; only http(s), mailto, tel. */
  function safeLink(url, label) {
    if (typeof url !== 'string' || !/^(https?:\/\/|mailto:|tel:)/i.test(url.trim())) return null;
    var link = el('a', 'link', {
      href: url.trim(),
      target: '_blank',
      rel: 'noopener noreferrer nofollow',
    });
    link.textContent = label;
    return link;
  }

  // ---- small helpers ----

  function el(tag, className, attributes, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function chatIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '22');
    svg.setAttribute('height', '22');
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute(
      'd',
      'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6v2h2v-2H7zm4 0v2h2v-2h-2zm4 0v2h2v-2h-2z',
    );
    svg.appendChild(path);
    return svg;
  }

  function findOwnScript() {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/web\/widget\.js(\?|$)/.test(scripts[i].src)) return scripts[i];
    }
    return null;
  }

  function loadSession() {
    var id = readStore(localStorage, SESSION_KEY);
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) {
      id = uuid();
      writeStore(localStorage, SESSION_KEY, id);
    }
    return id;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (b) {
        return (b + 0x100).toString(16).slice(1);
      })
      .join('');
    return [
      hex.slice(0, 8),
      hex.slice(8, 12),
      hex.slice(12, 16),
      hex.slice(16, 20),
      hex.slice(20),
    ].join('-');
  }

  /** Storage may be off (private browsing, blocked cookies): the chat then lasts one page. */
  function readStore(store, key) {
    try {
      return store.getItem(key);
    } catch {
      return null;
    }
  }

  function writeStore(store, key, value) {
    try {
      store.setItem(key, value);
    } catch {
      /* the chat still works, it is just forgotten on the next page */
    }
  }

  function wait(ms) {
    return new Promise(function (resolve) {
      setTimeout(resolve, ms);
    });
  }

  function addStyles(root) {
    var css = [
      ':host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;',
      '  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;',
      '  color: #1f2933; }',
      '* { box-sizing: border-box; }',
      'button, textarea { font: inherit; color: inherit; }',
      ':focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }',
      '.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }',
      '.launcher { display: flex; align-items: center; gap: 8px; margin-left: auto; padding: 12px 18px;',
      '  border: 0; border-radius: 999px; background: #0b4f8a; color: #fff; cursor: pointer;',
      '  box-shadow: 0 4px 14px rgb(0 0 0 / 0.25); font-weight: 600; position: relative; }',
      '.launcher:hover { background: #0d5fa6; }',
      '.badge { position: absolute; top: -6px; right: -6px; min-width: 22px; padding: 1px 6px;',
      '  border-radius: 999px; background: #c62828; color: #fff; font-size: 13px; text-align: center; }',
      '.panel { display: flex; flex-direction: column; width: min(370px, calc(100vw - 32px));',
      '  height: min(560px, calc(100vh - 96px)); margin-bottom: 12px; background: #fff;',
      '  border-radius: 12px; box-shadow: 0 8px 30px rgb(0 0 0 / 0.28); overflow: hidden; }',
      '.panel[hidden] { display: none; }',
      '.header { display: flex; align-items: center; justify-content: space-between; gap: 8px;',
      '  padding: 12px 14px; background: #0b4f8a; color: #fff; }',
      '.title { margin: 0; font-size: 16px; font-weight: 600; }',
      '.close { border: 0; background: transparent; color: #fff; font-size: 24px; line-height: 1;',
      '  cursor: pointer; padding: 2px 8px; border-radius: 6px; }',
      '.log { flex: 1; overflow-y: auto; padding: 12px; background: #f5f7fa; }',
      '.intro { margin: 0 0 12px; padding: 10px 12px; border-radius: 10px; background: #e6f0fa; }',
      '.message { max-width: 88%; margin: 0 0 10px; padding: 8px 12px; border-radius: 12px;',
      '  overflow-wrap: anywhere; }',
      '.user { margin-left: auto; background: #0b4f8a; color: #fff; white-space: pre-wrap; }',
      '.bot { margin-right: auto; background: #fff; border: 1px solid #d9e2ec; }',
      '.plain { white-space: pre-wrap; }',
      '.line { margin: 0 0 6px; } .line:last-child { margin-bottom: 0; }',
      'ul, ol { margin: 4px 0 6px; padding-left: 20px; }',
      '.link { color: #0b4f8a; text-decoration: underline; }',
      '.buttons { margin-top: 8px; display: grid; gap: 6px; }',
      '.button-row { display: flex; flex-wrap: wrap; gap: 6px; }',
      '.choice { flex: 1 1 auto; padding: 6px 10px; border: 1px solid #0b4f8a; border-radius: 8px;',
      '  background: #fff; color: #0b4f8a; cursor: pointer; text-align: left; }',
      '.choice:hover { background: #e6f0fa; }',
      '.status { min-height: 1.45em; margin: 0; padding: 2px 12px; font-size: 13px; color: #52606d; }',
      '.composer { display: flex; gap: 8px; padding: 8px 12px 4px; border-top: 1px solid #d9e2ec; }',
      '.input { flex: 1; resize: none; padding: 8px 10px; border: 1px solid #9aa5b1; border-radius: 8px;',
      '  background: #fff; }',
      '.send { padding: 8px 14px; border: 0; border-radius: 8px; background: #0b4f8a; color: #fff;',
      '  font-weight: 600; cursor: pointer; }',
      '.handoff { margin: 4px 12px 10px; padding: 6px 10px; border: 1px solid #9aa5b1;',
      '  border-radius: 8px; background: #fff; cursor: pointer; }',
      '@media (prefers-reduced-motion: no-preference) { .launcher { transition: background 0.15s; } }',
    ].join('\n');
    // A constructed sheet passes a strict style-src of the host page; <style> is the fallback.
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } catch {
      var style = document.createElement('style');
      style.textContent = css;
      root.appendChild(style);
    }
  }
})();
