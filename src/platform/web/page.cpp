// Page glue: the JavaScript side of text input, clipboard, colour scheme and the live region, as EM_JS
// functions calling back into C through function pointers kept in Module.
#include "platform/web/page.h"

#include <emscripten.h>

namespace platform {

namespace {

PageCallbacks g_callbacks;

EM_JS(void, JsInstallPage, (void* text, void* paste, void* copy, void* dark, void* wake, void* import_files, void* fetched,
                            void* arrived), {
    const call = (fn, sig, ...args) => wasmTable.get(fn)(...args);
    const withString = (fn, str, ...before) => {
        const size = lengthBytesUTF8(str) + 1;
        const ptr = _malloc(size);
        stringToUTF8(str, ptr, size);
        call(fn, "", ...before, ptr);
        _free(ptr);
    };
    const canvas = document.getElementById('canvas');
    const input = document.getElementById('text-input');
    let composing = false;
    input.addEventListener('compositionstart', () => { composing = true; call(wake, 'v'); });
    input.addEventListener('compositionend', (e) => {
        composing = false;
        if (e.data) withString(text, e.data);
        input.value = "";
        call(wake, 'v');
    });
    input.addEventListener('input', (e) => {
        if (composing || e.isComposing) return;
        if (input.value) withString(text, input.value);
        input.value = "";
        call(wake, 'v');
    });
    document.addEventListener('paste', (e) => {
        const data = e.clipboardData ? e.clipboardData.getData('text/plain') : "";
        e.preventDefault();   // the app inserts it; the textarea must not get it too
        withString(paste, data);
        call(wake, 'v');
    });
    const onCopy = (e) => {
        const ptr = call(copy, 'i');   // runs a frame so the Ctrl+C/X just pressed is handled first
        if (!ptr) return;
        e.clipboardData.setData('text/plain', UTF8ToString(ptr));
        e.preventDefault();
        call(wake, 'v');
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    const scheme = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    if (scheme) {
        call(dark, 'vi', scheme.matches ? 1 : 0);
        scheme.addEventListener('change', (e) => { call(dark, 'vi', e.matches ? 1 : 0); call(wake, 'v'); });
    }
    // Files: written under /import/<batch>/ in the in-memory file system, then handed to the app as JSON Lines.
    let batch = 0;
    const importFiles = async (entries, dropped) => {  // entries: [{name, file}]
        if (!entries.length) return;
        const dir = '/import/' + (++batch);
        FS.mkdirTree(dir);
        const lines = [];
        for (let i = 0; i < entries.length; i++) {
            const path = dir + '/' + i;
            FS.writeFile(path, new Uint8Array(await entries[i].file.arrayBuffer()));
            lines.push(JSON.stringify({ name: entries[i].name, path }));
        }
        withString(import_files, lines.join('\n'), dropped ? 1 : 0);
        call(wake, 'v');
    };
    // A shipped corpus: its files (listed in corpora/manifest.json next to the app) are handed over as
    // "ID <JSON Lines>" of paths in /import/<batch>/ that are written as the downloads land, or an error
    // message explaining what failed (before or after that).
    // The manifest is asked for when the page starts (the start page offers these corpora), and again if
    // that failed.
    let manifest = null;
    const getManifest = () => manifest || (manifest = fetch("corpora/manifest.json").then((r) => {
        if (!r.ok) throw new Error("corpora/manifest.json: " + r.status + " " + r.statusText);
        return r.json();
    }).catch((e) => { manifest = null; throw e; }));
    getManifest().catch(() => {});
    Module.corpusLensFetchShipped = async (id) => {
        const fail = (why) => { withString(fetched, why, 0); call(wake, 'v'); };
        try {
            const entry = (await getManifest()).corpora.find((c) => c.id === id);
            if (!entry) return fail("this copy of Corpus Lens was built without the corpus \u201c" + id + "\u201d (it is not in corpora/manifest.json)");
            // The import starts at once and reads each file as soon as it is written here ("arriving"); all are
            // asked for together (the browser runs as many requests in parallel as the server allows). The
            // first failure stops the other downloads and, through `fetched`, the import.
            const dir = '/import/' + (++batch);
            FS.mkdirTree(dir);
            const lines = entry.files.map((file, i) => JSON.stringify({ name: file, path: dir + "/" + i, arriving: true }));
            withString(fetched, id + ' ' + lines.join('\n'), 1);
            call(wake, 'v');
            const abort = new AbortController();
            await Promise.all(entry.files.map(async (file, i) => {
                const r = await fetch("corpora/" + file, { signal: abort.signal });
                if (!r.ok) throw new Error("could not download corpora/" + file + ": " + r.status + " " + r.statusText);
                const body = new Uint8Array(await r.arrayBuffer());
                FS.writeFile(dir + "/" + i, body);
                call(arrived, 'v');
            })).catch((e) => { abort.abort(); throw e; });
        } catch (e) {
            fail(e.message.startsWith("could not download") ? e.message
                                                              : "could not download the corpus \u201c" + id + "\u201d: " + e.message);
        }
    };
    const picker = document.getElementById('file-input');
    picker.addEventListener('change', () => {
        importFiles(Array.from(picker.files, (file) => ({ name: file.name, file })), false);
        picker.value = "";
    });
    // Dropped folders are read recursively (webkitGetAsEntry works in every current browser).
    const readEntry = (entry, prefix, out) => new Promise((resolve) => {
        if (entry.isFile) {
            entry.file((file) => { out.push({ name: prefix + file.name, file }); resolve(); }, () => resolve());
        } else if (entry.isDirectory) {
            const reader = entry.createReader();
            const all = [];
            const more = () => reader.readEntries(async (batch) => {
                if (!batch.length) {
                    for (const child of all) await readEntry(child, prefix + entry.name + '/', out);
                    resolve();
                } else { all.push(...batch); more(); }
            }, () => resolve());
            more();
        } else resolve();
    });
    document.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
    document.addEventListener('drop', async (e) => {
        e.preventDefault();
        const out = [];
        const items = e.dataTransfer.items ? Array.from(e.dataTransfer.items) : [];
        const entries = items.map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry()).filter((x) => x);
        if (entries.length) { for (const entry of entries) await readEntry(entry, "", out); }
        else for (const file of Array.from(e.dataTransfer.files)) out.push({ name: file.name, file });
        importFiles(out, true);
    });
    window.addEventListener('resize', () => call(wake, 'v'));
    document.addEventListener('visibilitychange', () => call(wake, 'v'));
    Module.corpusLensTextInput = input;
    Module.corpusLensCanvas = canvas;
});

EM_JS(void, JsSetTextInput, (int active, float x, float y, float line_height), {
    const input = Module.corpusLensTextInput;
    input.style.left = x + 'px';
    input.style.top = y + 'px';
    input.style.height = line_height + 'px';
    if (active && document.activeElement !== input) input.focus({preventScroll: true});
    if (!active && document.activeElement === input) Module.corpusLensCanvas.focus({preventScroll: true});
});

EM_JS(void, JsOpenFilePicker, (), { document.getElementById('file-input').click(); });

EM_JS(void, JsWriteClipboard, (const char* utf8), {
    const text = UTF8ToString(utf8);
    const fallback = () => {
        const area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', "");
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        try { document.execCommand('copy'); } catch (e) {}
        area.remove();
        Module.corpusLensCanvas.focus({preventScroll: true});
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
    else fallback();
});

EM_JS(void, JsAnnounce, (const char* utf8), {
    const live = document.getElementById('live');
    if (live) live.textContent = UTF8ToString(utf8);
});

void OnText(const char* utf8) { g_callbacks.text(utf8); }
void OnPaste(const char* utf8) { g_callbacks.paste(utf8); }
const char* OnCopy() { return g_callbacks.copy(); }
void OnDark(int dark) { g_callbacks.system_dark(dark != 0); }
void OnWake() { g_callbacks.wake(); }
void OnImportFiles(int dropped, const char* jsonl) { g_callbacks.import_files(dropped != 0, jsonl); }
void OnFetched(int ok, const char* text) { g_callbacks.fetched(ok != 0, text); }
void OnArrived() { g_callbacks.arrived(); }

bool g_text_active = false;
float g_text_x = -1, g_text_y = -1;
std::string g_announced;

}  // namespace

void InstallPage(const PageCallbacks& callbacks) {
    g_callbacks = callbacks;
    JsInstallPage(reinterpret_cast<void*>(&OnText), reinterpret_cast<void*>(&OnPaste),
                  reinterpret_cast<void*>(&OnCopy), reinterpret_cast<void*>(&OnDark),
                  reinterpret_cast<void*>(&OnWake), reinterpret_cast<void*>(&OnImportFiles),
                  reinterpret_cast<void*>(&OnFetched), reinterpret_cast<void*>(&OnArrived));
}

void SetTextInputActive(bool active, float x, float y, float line_height) {
    if (active == g_text_active && x == g_text_x && y == g_text_y) return;
    g_text_active = active;
    g_text_x = x;
    g_text_y = y;
    JsSetTextInput(active, x, y, line_height);
}

void WriteClipboard(const std::string& utf8) { JsWriteClipboard(utf8.c_str()); }

void OpenFilePicker() { JsOpenFilePicker(); }

EM_JS(void, JsDownload, (const char* name, const char* mime, const char* data, int size, float png_scale), {
    const save = (blob, filename) => {
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = filename;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    };
    const filename = UTF8ToString(name);
    const bytes = HEAPU8.slice(data, data + size);
    if (!(png_scale > 0)) { save(new Blob([bytes], { type: UTF8ToString(mime) }), filename); return; }
    // A chart: its SVG drawn by the browser onto a canvas at the device pixel ratio, saved as PNG.
    const svg = URL.createObjectURL(new Blob([bytes], { type: "image/svg+xml" }));
    const image = new Image();
    image.onload = () => {
        const canvas = document.createElement("canvas");
        canvas.width = Math.ceil(image.width * png_scale);
        canvas.height = Math.ceil(image.height * png_scale);
        const context = canvas.getContext("2d");
        context.scale(png_scale, png_scale);
        context.drawImage(image, 0, 0);
        URL.revokeObjectURL(svg);
        canvas.toBlob((png) => { if (png) save(png, filename); }, "image/png");
    };
    image.onerror = () => { URL.revokeObjectURL(svg); console.warn("the chart could not be drawn as PNG"); };
    image.src = svg;
});

void Download(const std::string& name, const std::string& mime, const std::string& content, float png_scale) {
    JsDownload(name.c_str(), mime.c_str(), content.data(), static_cast<int>(content.size()), png_scale);
}

EM_JS(void, JsFetchShipped, (const char* id), { Module.corpusLensFetchShipped(UTF8ToString(id)); });

void FetchShippedCorpus(const std::string& id) { JsFetchShipped(id.c_str()); }

void AnnounceStatus(const std::string& line) {
    if (line == g_announced) return;
    g_announced = line;
    JsAnnounce(line.c_str());
}

}  // namespace platform
