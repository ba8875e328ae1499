// The page side of Corpus Lens: the Emscripten Module settings, start-up and failure messages, and the
// test API on window.corpusLens. Everything else happens inside the wasm module.
'use strict';
(function () {
  const message = document.getElementById('message');
  function show(text) { message.textContent = text; message.hidden = false; }

  window.corpusLensFatal = function (text) { show('Corpus Lens could not start: ' + text); };

  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    show('Corpus Lens needs WebGL2, which this browser has turned off or does not support. ' +
         'Try a current Firefox, Chrome, Edge or Safari, or enable hardware acceleration.');
  }

  let ready = false;
  window.Module = {
    canvas: document.getElementById('canvas'),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: (text) => { if (text && !ready) show(text); },
    onRuntimeInitialized: () => { ready = true; message.hidden = true; },
    onAbort: (what) => show('Corpus Lens stopped unexpectedly (' + what + '). Reload the page to start again; ' +
                            'corpora saved in this browser are kept.'),
  };

  document.getElementById('canvas').addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    show('The graphics context was lost (the GPU was reset or the tab was in the background too long). ' +
         'Reload the page to continue.');
  });

  // Test API: state() returns the app's state as an object (src/app/app_state.h, StateJson); command(name,
  // arg) runs one of app::RunCommand's commands and returns '' or an error message.
  window.corpusLens = {
    state() {
      if (!ready) return { ready: false };
      return JSON.parse(Module.ccall('cl_state_json', 'string', [], []));
    },
    command(name, arg = '') {
      if (!ready) return 'not started';
      return Module.ccall('cl_command', 'string', ['string', 'string'], [name, String(arg)]);
    },
  };
})();
