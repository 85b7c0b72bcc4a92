// The Jembatan explorer page (served at /explorer by packages/gateway/src/http/explorer/explorer.ts):
// GraphiQL with the analyst query pack as its tabs. Plain browser script, loaded after React,
// ReactDOM and GraphiQL's UMD builds (globals React, ReactDOM, GraphiQL). It holds no data: the API
// key the analyst pastes stays in this tab's sessionStorage and goes with every request as
// `x-api-key`; the gateway decides what the key may read.
(function () {
  'use strict';

  var KEY_ITEM = 'jembatan.explorer.apiKey';
  var meta = document.querySelector('meta[name="jembatan-explorer"]');
  var endpoint = (meta && meta.getAttribute('data-endpoint')) || '/graphql';
  var packUrl = (meta && meta.getAttribute('data-pack')) || '/explorer/pack.json';
  var development = meta && meta.getAttribute('data-mode') === 'development';
  // Radix UI's scroll lock creates one <style> element and gives it this nonce (the page's policy admits it)
  var styleNonce = meta && meta.getAttribute('data-style-nonce');
  if (styleNonce) window.__webpack_nonce__ = styleNonce;

  var h = React.createElement;

  var MESSAGES = {
    needKey: {
      id: 'Tempelkan kunci API ANALYST atau ADMIN Anda, lalu tekan "Pakai kunci". Kunci hanya disimpan di tab ini.',
      en: 'Paste your ANALYST or ADMIN API key and press "Use key". The key is kept in this tab only.',
    },
    devNoKey: {
      id: 'Mode pengembangan: skema terbuka. Kunci API diperlukan untuk membaca data.',
      en: 'Development mode: the schema is open. Reading data needs an API key.',
    },
    loading: { id: 'Memuat skema…', en: 'Loading the schema…' },
    ready: { id: 'Skema dimuat. Jalankan kueri dengan tombol ▶.', en: 'Schema loaded. Run a query with the ▶ button.' },
    roleRefused: {
      id: 'Peran kunci ini tidak diizinkan memakai penjelajah: hanya kunci ANALYST dan ADMIN yang dapat membaca skema.',
      en: "This key's role may not use the explorer: only ANALYST and ADMIN keys can read the schema.",
    },
    keyRefused: {
      id: 'Kunci ditolak (tidak dikenal, dicabut, atau kedaluwarsa).',
      en: 'The key was refused (unknown, revoked or expired).',
    },
    anonymousRefused: {
      id: 'Skema hanya untuk kunci ANALYST dan ADMIN: tempelkan kunci Anda.',
      en: 'The schema is for ANALYST and ADMIN keys only: paste your key.',
    },
    unreachable: { id: 'Gateway tidak terjangkau.', en: 'The gateway cannot be reached.' },
    limited: { id: 'Terlalu banyak permintaan; coba lagi sebentar lagi.', en: 'Too many requests; try again shortly.' },
    noPack: { id: 'Paket kueri analis tidak dapat dimuat.', en: 'The analyst query pack could not be loaded.' },
  };

  function readKey() {
    try {
      return window.sessionStorage.getItem(KEY_ITEM) || '';
    } catch (e) {
      return '';
    }
  }
  function writeKey(key) {
    try {
      if (key) window.sessionStorage.setItem(KEY_ITEM, key);
      else window.sessionStorage.removeItem(KEY_ITEM);
    } catch (e) {
      // storage refused (private mode): the key lives in memory for this page only
    }
  }

  var state = { key: readKey(), status: 'loading', statusKind: 'info', pack: null, packFailed: false };
  var fetcherFor = { key: null, fetcher: null };

  function setState(patch) {
    for (var k in patch) state[k] = patch[k];
    render();
  }

  function errorCode(body) {
    var first = body && body.errors && body.errors[0];
    return (first && first.extensions && first.extensions.code) || null;
  }

  // What the schema request said about the key (the page's only way to learn the key's role)
  function schemaStatus(httpStatus, body, hasKey) {
    if (httpStatus === 401) return ['keyRefused', 'error'];
    if (httpStatus === 429) return ['limited', 'error'];
    if (httpStatus === 403 || errorCode(body) === 'FORBIDDEN') return hasKey ? ['roleRefused', 'error'] : ['anonymousRefused', 'warn'];
    if (body && body.data && body.data.__schema) return ['ready', 'ok'];
    return ['unreachable', 'error'];
  }

  // Run right after switching tabs (within GraphiQL's debounce), a request can carry the previous
  // tab's operation name with this tab's query, which the gateway refuses ("Unknown operation
  // named ..."). A name the document does not define is dropped: a one-operation document then
  // runs, and a document with several still asks for the name.
  function withOwnOperationName(params) {
    var name = params && params.operationName;
    if (!name || typeof params.query !== 'string') return params;
    if (new RegExp('\\b(query|mutation|subscription)\\s+' + name + '\\b').test(params.query)) return params;
    var copy = {};
    for (var k in params) if (k !== 'operationName') copy[k] = params[k];
    return copy;
  }

  function makeFetcher(key) {
    return function fetcher(params, opts) {
      var headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
      var extra = (opts && opts.headers) || {};
      for (var name in extra) {
        if (name.toLowerCase() !== 'x-api-key' || !key) headers[name] = extra[name];
      }
      if (key) headers['x-api-key'] = key;
      var isSchema = params && params.operationName === 'IntrospectionQuery';
      return window
        .fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify(withOwnOperationName(params)), credentials: 'omit', cache: 'no-store' })
        .then(function (res) {
          return res
            .json()
            .catch(function () {
              return { errors: [{ message: 'HTTP ' + res.status }] };
            })
            .then(function (body) {
              if (isSchema) {
                var s = schemaStatus(res.status, body, !!key);
                setState({ status: s[0], statusKind: s[1] });
              }
              return body;
            });
        })
        .catch(function (e) {
          if (isSchema) setState({ status: 'unreachable', statusKind: 'error' });
          throw e;
        });
    };
  }

  function currentFetcher() {
    if (fetcherFor.fetcher === null || fetcherFor.key !== state.key) {
      fetcherFor = { key: state.key, fetcher: makeFetcher(state.key) };
    }
    return fetcherFor.fetcher;
  }

  function message(name) {
    var m = MESSAGES[name];
    return m ? m.id + ' / ' + m.en : name;
  }

  function KeyBar() {
    var input = React.useRef(null);
    var hint = state.key ? null : development ? 'devNoKey' : 'needKey';
    return h(
      'header',
      { className: 'jx-bar' },
      h('strong', { className: 'jx-title' }, 'Jembatan · Penjelajah / Explorer'),
      h(
        'form',
        {
          className: 'jx-key',
          onSubmit: function (e) {
            e.preventDefault();
            var value = (input.current && input.current.value.trim()) || '';
            writeKey(value);
            if (input.current) input.current.value = '';
            setState({ key: value, status: 'loading', statusKind: 'info' });
          },
        },
        h('label', { htmlFor: 'explorer-key' }, 'Kunci API / API key'),
        h('input', {
          id: 'explorer-key',
          ref: input,
          type: 'password',
          autoComplete: 'off',
          spellCheck: false,
          placeholder: state.key ? '•••• (tersimpan di tab ini / kept in this tab)' : 'x-api-key',
        }),
        h('button', { type: 'submit', id: 'explorer-use-key' }, 'Pakai kunci / Use key'),
        state.key
          ? h(
              'button',
              {
                type: 'button',
                id: 'explorer-forget-key',
                onClick: function () {
                  writeKey('');
                  setState({ key: '', status: 'loading', statusKind: 'info' });
                },
              },
              'Lupakan / Forget',
            )
          : null,
      ),
      h(
        'p',
        { id: 'explorer-status', className: 'jx-status jx-' + state.statusKind, role: 'status', 'data-status': state.status },
        message(state.status),
        hint ? h('span', { className: 'jx-hint' }, ' — ' + message(hint)) : null,
        state.packFailed ? h('span', { className: 'jx-hint' }, ' — ' + message('noPack')) : null,
      ),
    );
  }

  function tabsOf(pack) {
    return pack.map(function (q) {
      return { query: q.query, variables: q.variables };
    });
  }

  function App() {
    var children = [h(KeyBar, { key: 'bar' })];
    if (state.pack !== null) {
      children.push(
        h(
          'main',
          { className: 'jx-graphiql', key: 'graphiql' },
          h(GraphiQL, {
            fetcher: currentFetcher(),
            defaultTabs: state.pack.length ? tabsOf(state.pack) : undefined,
            // the tabs (and their answers) live as long as this browser tab, like the key
            storage: window.sessionStorage,
            shouldPersistHeaders: false,
            defaultEditorToolsVisibility: 'variables',
          }),
        ),
      );
    }
    return h('div', { className: 'jx-page' }, children);
  }

  var root = ReactDOM.createRoot(document.getElementById('explorer-root'));
  function render() {
    root.render(h(App));
  }

  render();
  window
    .fetch(packUrl, { credentials: 'omit' })
    .then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    })
    .then(function (body) {
      setState({ pack: Array.isArray(body.queries) ? body.queries : [] });
    })
    .catch(function () {
      setState({ pack: [], packFailed: true });
    });
})();
