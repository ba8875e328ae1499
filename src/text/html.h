// HTML to plain text for corpus import (scraped news pages, ministry transcripts): the readable text with its
// paragraphs, the title, the page language and <meta> tags, and a count of the page furniture that was left out.
// Decoding bytes and detecting the charset happen before (text/decode.h); turning the result into a document
// and its metadata is import's business.
//
//     core::Result<text::HtmlDocument> page = text::ExtractHtml(utf8);
//     if (!page.ok()) return page.status();          // only when the page is larger than max_bytes
//     store(page->title, page->text);                 // report page->dropped: "script ×3", "nav ×1", …
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace text {

struct HtmlMeta {
    std::string key;    // name, else property, lower-cased: "og:site_name" (tags with neither are skipped)
    std::string value;  // content, entities decoded and whitespace collapsed (tags without it are skipped)
};

struct HtmlDocument {
    std::string title;                 // <title>, else og:title, else the first kept <h1>; whitespace collapsed
    std::string text;                  // paragraphs separated by "\n\n"; <br>, list items and table rows by "\n"
    std::string lang;                  // <html lang="…"> (or xml:lang) as written, trimmed; "" if none
    std::vector<HtmlMeta> meta;        // <meta name|property=… content=…> in document order, duplicates kept
    std::vector<std::string> dropped;  // what was left out, first seen first: "script ×3", "div.share-bar ×1"
};

// Extracts the readable text of an HTML page. `utf8` must be valid UTF-8 (text::FindInvalidUtf8).
//
// Tolerant the way browsers are: unclosed elements close when an enclosing one does (or at the end), <p>, <li>,
// <dt>/<dd>, <tr>, <td>/<th> close their open predecessors, tag and attribute names are case-insensitive,
// attribute values may be unquoted or missing, a '<' that does not start a tag ("a < b", "<3") is text, and
// comments, <!DOCTYPE> and <?…?> are skipped. Differences from a browser, chosen for corpus text:
// - <![CDATA[…]]> is kept as literal text (XHTML pages use it; a browser would hide it);
// - "<x/>" closes x at once, so a self-closed <svg/> or <iframe/> cannot swallow the rest of the page;
// - at most 512 elements are open; a start tag deeper than that first closes the deepest (Blink does the same).
//
// Left out, with their content, and counted in `dropped`:
// - script, style, noscript, template, svg, math, iframe, object, canvas, nav, aside, button, select, textarea,
//   audio, video, noembed, noframes;
// - header and footer unless inside article, section or main (ARIA's rule for banner and contentinfo: an
//   article's own header holds its headline and byline);
// - form, unless it holds an article, main or h1 or 500 bytes of text (ASP.NET wraps whole pages in one);
// - an element whose class or id marks page furniture: a word of one of its class names (or of its id), split
//   at punctuation, camelCase and digits, is nav, menu, share, sharing, sharebar, ad or ads, or starts with
//   social, related, footer, sidebar, cookie, breadcrumb, navbar, navigation or advert ("main-nav", "shareBar",
//   "cookie-banner", "ad-slot"; not "navy", "adjust", "canvas"). Names that start with has, is, no, with, show,
//   hide or open, or end with open(ed), closed, active, visible, hidden, expanded, collapsed, enabled or
//   disabled describe page state ("has-sidebar", "nav-open") and do not count; html, body, main and article are
//   never dropped this way; and such an element is kept after all when it holds an article, main or h1 (a
//   layout wrapper like <div id="content-with-sidebar">). Reported as tag.class or tag#id.
// Nested removals are reported once, by the outermost.
//
// Layout of `text`: p, div, section, article, main, h1–h6, blockquote, pre, figure, figcaption, table, ul/ol/dl
// at top level, hr, address, details and the like start a paragraph ("\n\n"); li, dt, dd, tr, caption and <br>
// start a line ("\n"; two <br> make a paragraph); td/th are separated by a space. Inside a paragraph runs of
// whitespace, including U+00A0, become one space. <pre> keeps its spaces, tabs and line breaks, but not its
// trailing whitespace. The text is trimmed and never holds "\n\n\n" (not even from a <pre>). Entities are
// decoded as DecodeEntities does, except inside CDATA.
//
// Input without any markup (no tag, comment or doctype) is plain text: entities are decoded, each line's
// whitespace collapsed, single line breaks kept and blank lines become paragraph breaks.
//
// Fails (InvalidInput) only when `utf8` is larger than `max_bytes`; malformed markup never fails.
core::Result<HtmlDocument> ExtractHtml(std::string_view utf8, size_t max_bytes = 256u << 20);

// Decodes HTML character references in `text`:
// - named: the HTML 4 set (Latin-1 letters and symbols, Greek letters, math and arrows, typographic quotes and
//   dashes, &euro; &trade; …), &apos;, the Latin Extended-A letters of HTML5 (&ccaron; &lstrok; &odblac; …),
//   and HTML5's names for ASCII punctuation, spaces and a few symbols (&period; &hyphen; &numero; &check; …).
//   Names are case-sensitive (&Eacute; ≠ &eacute;). &nbsp; becomes U+0020 (a plain space is what search and
//   the tokenizer expect) and &shy; is removed (it only marks a possible hyphenation point).
// - numeric: &#1046; and &#x416; (either case of x). 128–159 are read as windows-1252, as HTML5 does
//   (&#150; → '–'); 0, surrogates, values above U+10FFFF, noncharacters and control characters other than tab,
//   line feed, form feed and carriage return become U+FFFD. 160 and 173 follow the nbsp and shy rules.
// - The ';' may be left out after a number, and after the names HTML5 allows it for (amp lt gt quot nbsp copy
//   reg and the Latin-1 set) when no letter, digit or '=' follows: "&copy 2024" → "© 2024", but "&copyright" and
//   "?a=1&lt=2" stay as written.
// Anything else, including unknown names ("&foo;") and a lone '&' ("R&D"), is kept literally.
std::string DecodeEntities(std::string_view text);

}  // namespace text
