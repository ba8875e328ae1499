// Storage glue: the corpora directory mirrored in IndexedDB (load, save); the ?corpus= parameter.
#include "platform/web/storage.h"

#include <cstdlib>

#include <emscripten.h>

namespace platform {

namespace {

bool g_saving = false;
void (*g_saved)(double, const char*) = nullptr;

// The files of one directory mirrored in an IndexedDB object store (key: path, value: the bytes). Our own
// small mirror rather than Emscripten's IDBFS: a save must be one transaction that either commits or aborts
// and says so (IDBFS swallows request errors and never reports an aborted transaction, e.g. a full quota).
EM_JS(void, JsLoadStorage, (const char* dir_utf8, void* loaded), {
    const dir = UTF8ToString(dir_utf8);
    // A file of the in-memory file system past 1 MB grows by only 1/8 of its size at a time, copying all of
    // it each time: a 40 MB corpus written page by page was copied some 30 times over (most of an import's
    // time in the browser). Doubling copies it about twice; the slack is at most the file's size.
    const expand = MEMFS.expandFileStorage;
    MEMFS.expandFileStorage = function (node, capacity) {
        const previous = node.contents ? node.contents.length : 0;
        if (capacity > previous) capacity = Math.max(capacity, previous * 2);
        return expand.call(this, node, capacity);
    };
    const done = (message) => {
        const size = lengthBytesUTF8(message) + 1;
        const ptr = _malloc(size);
        stringToUTF8(message, ptr, size);
        wasmTable.get(loaded)(ptr);
        _free(ptr);
    };
    FS.mkdirTree(dir);
    const mirror = Module.corpusLensStorage = { dir, db: null, saved: new Map() };
    if (typeof indexedDB === "undefined") return done("this browser gives the page no storage: corpora last until the tab closes");
    const request = indexedDB.open("corpuslens", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("files");
    request.onerror = () => done("this browser gives the page no storage (" + request.error + "): corpora last until the tab closes");
    request.onsuccess = () => {
        mirror.db = request.result;
        const tx = mirror.db.transaction("files", "readonly");
        const store = tx.objectStore("files");
        const keys = store.getAllKeys(), values = store.getAll();
        tx.oncomplete = () => {
            keys.result.forEach((path, i) => {
                FS.writeFile(path, values.result[i]);
                const stat = FS.stat(path);
                mirror.saved.set(path, stat.mtime.getTime() + ":" + stat.size);
            });
            done("");
        };
        tx.onabort = () => done("could not read the corpora kept in this browser (" + tx.error + ")");
    };
});

EM_JS(void, JsSaveStorage, (double generation, void* saved), {
    const mirror = Module.corpusLensStorage;
    const done = (message) => {
        const size = lengthBytesUTF8(message) + 1;
        const ptr = _malloc(size);
        stringToUTF8(message, ptr, size);
        wasmTable.get(saved)(generation, ptr);
        _free(ptr);
    };
    if (!mirror || !mirror.db) return done("this browser gives the page no storage: the change lasts until the tab closes");
    const now = new Map();
    for (const name of FS.readdir(mirror.dir)) {
        const path = mirror.dir + "/" + name;
        const stat = FS.stat(path);
        if (FS.isFile(stat.mode)) now.set(path, stat.mtime.getTime() + ":" + stat.size);
    }
    let tx;
    try {
        tx = mirror.db.transaction("files", "readwrite");
        const store = tx.objectStore("files");
        for (const path of now.keys()) if (mirror.saved.get(path) !== now.get(path)) store.put(FS.readFile(path), path);
        for (const path of mirror.saved.keys()) if (!now.has(path)) store.delete(path);
    } catch (e) {
        if (tx) tx.abort();
        return done("saving to the browser's storage failed (" + e.message + "); the latest change is not saved, earlier ones are intact.");
    }
    tx.oncomplete = () => { mirror.saved = now; done(""); };
    tx.onabort = () => {
        const error = tx.error;
        const quota = error && (error.name === "QuotaExceededError" || /quota/i.test(error.message));
        done(quota ? "the browser's storage for this page is full, so the latest change is not saved (corpora saved before are intact). Delete corpora you no longer need, or allow the site more storage."
                   : "saving to the browser's storage failed (" + error + "); the latest change is not saved, earlier ones are intact.");
    };
});

EM_JS(char*, JsRequestedCorpus, (), {
    const id = new URLSearchParams(location.search).get("corpus") || "";
    const size = lengthBytesUTF8(id) + 1;
    const ptr = _malloc(size);
    stringToUTF8(id, ptr, size);
    return ptr;
});

void OnSaved(double generation, const char* error) {
    g_saving = false;
    g_saved(generation, error);
}

}  // namespace

void LoadStorage(void (*loaded)(const char* error)) { JsLoadStorage(kCorporaDir, reinterpret_cast<void*>(loaded)); }

bool SaveStorage(uint64_t generation, void (*saved)(double generation, const char* error)) {
    if (g_saving) return false;
    g_saving = true;
    g_saved = saved;
    JsSaveStorage(static_cast<double>(generation), reinterpret_cast<void*>(&OnSaved));
    return true;
}

std::string RequestedCorpus() {
    char* id = JsRequestedCorpus();
    std::string result(id);
    std::free(id);
    return result;
}

}  // namespace platform
