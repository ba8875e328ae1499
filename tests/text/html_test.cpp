// HTML to plain text for corpus import: what is kept and dropped on a news page, the layout of the text, titles,
// <meta>, character references, broken markup, plain text input and the size limit.
#include <doctest/doctest.h>

#include <string>

#include "text/html.h"

namespace {

// The text of a page that must extract (only the size limit can fail it).
std::string TextOf(std::string_view html) {
    core::Result<text::HtmlDocument> page = text::ExtractHtml(html);
    REQUIRE(page.ok());
    return page->text;
}

// A small news page as scrapers see them: furniture around one article. The text is made up for this test.
constexpr std::string_view kNewsPage = R"html(<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge reopens after repairs | The Lakeside Gazette</title>
  <meta name="viewport" content="width=device-width">
  <meta name="description" content="The old harbour bridge is open to traffic again.">
  <meta property="og:site_name" content="The Lakeside Gazette">
  <meta property="article:published_time" content="2024-03-05T09:30:00Z">
  <style>.share-bar { display: flex; } p { margin: 0 0 1em; }</style>
  <script>window.dataLayer = []; if (a < b) document.write("<p>not text</p>");</script>
</head>
<body class="article-page has-sidebar">
  <div id="cookie-notice">We use cookies. <button>Accept</button></div>
  <header class="site-header"><a href="/"><img src="logo.png" alt="The Lakeside Gazette"></a></header>
  <nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <main>
    <article>
      <h1>Harbour bridge reopens after repairs</h1>
      <p class="byline">By Mara Olsen, 5 March 2024</p>
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>
      <p>The harbour bridge reopened on Tuesday   after
         six months of repairs.</p>
      <p style="color: #333; font-size: 1.1em">Engineers replaced the deck &amp; the railings:</p>
      <ul>
        <li>a new concrete deck,</li>
        <li>a wider footpath.</li>
      </ul>
      <blockquote><p>&ldquo;It feels like a new bridge,&rdquo; said one cyclist.</p></blockquote>
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour bridge"}</script>
    </article>
    <aside><h2>Most read</h2><ol><li>Ferry timetable changes</li></ol></aside>
  </main>
  <footer><p>&copy; 2024 The Lakeside Gazette</p></footer>
  <script src="/app.js"></script>
</body>
</html>
)html";

}  // namespace

TEST_SUITE("text") {

TEST_CASE("html: a news page keeps the article and drops navigation, scripts, styles and the share bar") {
    core::Result<text::HtmlDocument> page = text::ExtractHtml(kNewsPage);
    REQUIRE(page.ok());
    CHECK(page->text ==
          "Harbour bridge reopens after repairs\n\n"
          "By Mara Olsen, 5 March 2024\n\n"
          "The harbour bridge reopened on Tuesday after six months of repairs.\n\n"
          "Engineers replaced the deck & the railings:\n\n"
          "a new concrete deck,\n"
          "a wider footpath.\n\n"
          "\u201CIt feels like a new bridge,\u201D said one cyclist.");
    CHECK(page->dropped == std::vector<std::string>{"style ×1", "script ×3", "div#cookie-notice ×1", "header ×1",
                                                    "nav ×1", "div.share-bar ×1", "aside ×1", "footer ×1"});
    CHECK(page->title == "Harbour bridge reopens after repairs | The Lakeside Gazette");
    CHECK(page->lang == "en-GB");
}

TEST_CASE("html: the title is <title>, else og:title, else the first kept h1") {
    auto title_of = [](std::string_view html) {
        core::Result<text::HtmlDocument> page = text::ExtractHtml(html);
        REQUIRE(page.ok());
        return page->title;
    };
    CHECK(title_of("<title>  Budget\n vote &ndash; live </title><meta property='og:title' content='OG'><h1>H</h1>") ==
          "Budget vote \u2013 live");
    CHECK(title_of("<title> </title><meta property=\"og:title\" content=\"Minister&#39;s statement\"><h1>H</h1>") ==
          "Minister's statement");
    CHECK(title_of("<header><h1>Gazette</h1></header><h1>  Flood  <em>warning</em>\n</h1><h1>Second</h1>") ==
          "Flood warning");
    CHECK(title_of("<title>First</title><svg><title>Icon</title></svg><title>Second</title>") == "First");
    CHECK(title_of("<h1 class=\"sidebar-title\">Most read</h1><h1>Real headline</h1>") == "Real headline");
    CHECK(title_of("<p>No heading at all</p>") == "");
}

TEST_CASE("html: meta tags are collected in order with lower-cased keys and decoded values") {
    core::Result<text::HtmlDocument> page = text::ExtractHtml(
        "<meta charset=utf-8><meta NAME=\"Description\" content=\"Rates &amp; taxes\">"
        "<meta property=\"og:site_name\" content=\" The  Lakeside Gazette \">"
        "<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00Z\">"
        "<meta name=\"author\"><meta name=\"DC.Date\" content=\"2024-03-05\"><p>Body</p>");
    REQUIRE(page.ok());
    REQUIRE(page->meta.size() == 4);   // charset has no key, author has no content
    CHECK(page->meta[0].key == "description");
    CHECK(page->meta[0].value == "Rates & taxes");
    CHECK(page->meta[1].key == "og:site_name");
    CHECK(page->meta[1].value == "The Lakeside Gazette");
    CHECK(page->meta[2].key == "article:published_time");
    CHECK(page->meta[2].value == "2024-03-05T09:30:00Z");
    CHECK(page->meta[3].key == "dc.date");
    CHECK(page->text == "Body");
}

TEST_CASE("entities: named references decode and unknown names stay literal") {
    CHECK(text::DecodeEntities("&lt;b&gt; &quot;x&quot; &apos;y&apos; Tom &amp; Jerry") ==
          "<b> \"x\" 'y' Tom & Jerry");
    CHECK(text::DecodeEntities("&laquo;&ndash;&mdash;&hellip;&raquo; &sbquo;&lsquo;&rsquo; &bdquo;&ldquo;&rdquo;") ==
          "«–—…» ‚‘’ „“”");
    CHECK(text::DecodeEntities("&euro;5 &pound;3 &yen; &cent; 20&deg; &plusmn;1 2&times;3 6&divide;2") ==
          "€5 £3 ¥ ¢ 20° ±1 2×3 6÷2");
    CHECK(text::DecodeEntities("&copy;&reg;&trade; &middot;&bull;&para;&sect;") == "©®™ ·•¶§");
    CHECK(text::DecodeEntities("Caf&eacute; M&uuml;nchen Stra&szlig;e Espa&ntilde;a &Eacute;cole &ccaron;") ==
          "Café München Straße España École č");
    CHECK(text::DecodeEntities("&foo; &Amp; &eacutex; &;") == "&foo; &Amp; &eacutex; &;");
}

TEST_CASE("entities: nbsp becomes a plain space, shy disappears, invisible marks are kept") {
    CHECK(text::DecodeEntities("10&nbsp;000 &#160; &#xA0;") == "10 000    ");
    CHECK(text::DecodeEntities("Bundes&shy;regierung Bundes&#173;tag") == "Bundesregierung Bundestag");
    CHECK(text::DecodeEntities("a&thinsp;b&ensp;c&emsp;d") == "a\u2009b\u2002c\u2003d");
    CHECK(text::DecodeEntities("&zwnj;&zwj;&lrm;&rlm;") == "\u200C\u200D\u200E\u200F");
}

TEST_CASE("entities: decimal and hex references decode; invalid ones become U+FFFD") {
    CHECK(text::DecodeEntities("&#1046;&#x416;&#X416;&#x1F600;") == "ЖЖЖ😀");
    CHECK(text::DecodeEntities("&#0;|&#xD800;|&#x110000;|&#99999999999;|&#1;|&#xFFFE;") ==
          "\uFFFD|\uFFFD|\uFFFD|\uFFFD|\uFFFD|\uFFFD");   // NUL, surrogate, too big, overflow, control, nonchar
    CHECK(text::DecodeEntities("&#150;&#151;&#146;&#128;&#129;") == "–—’€\uFFFD");   // windows-1252, as HTML5
    CHECK(text::DecodeEntities("&#; &#x; &#xg;") == "&#; &#x; &#xg;");
}

TEST_CASE("entities: a missing ';' is tolerated after numbers and legacy names before a non-word character") {
    CHECK(text::DecodeEntities("&#1046 &#x416!") == "Ж Ж!");
    CHECK(text::DecodeEntities("&copy 2024, Tom &amp Jerry, caf&eacute.") == "© 2024, Tom & Jerry, café.");
    CHECK(text::DecodeEntities("&copyright &ampx ?a=1&lt=2 &hellip &euro") ==
          "&copyright &ampx ?a=1&lt=2 &hellip &euro");   // words, query strings, and names that need ';'
    CHECK(text::DecodeEntities("R&D, AT&T & co") == "R&D, AT&T & co");
}

TEST_CASE("html: unclosed paragraphs, list items and cells close at the next one") {
    CHECK(TextOf("<p>One<p>Two<ul><li>a<li>b</ul><p>Three") == "One\n\nTwo\n\na\nb\n\nThree");
    CHECK(TextOf("<table><tr><td>Name<td>Votes<tr><td>Yes<td>212</table>") == "Name Votes\nYes 212");
    CHECK(TextOf("<p>a</p></p><p>b") == "a\n\nb");   // a stray </p> still ends a paragraph
    // Were the next item nested in the unclosed one, it would go with it.
    CHECK(TextOf("<ul><li class=share>Share<li>Kept</ul><p class=related>Related<p>Also kept") ==
          "Kept\n\nAlso kept");
}

TEST_CASE("html: a '<' that starts no tag is text") {
    CHECK(TextOf("<p>if a < b and c<3 or x <= y</p>") == "if a < b and c<3 or x <= y");
    CHECK(TextOf("<p>1 </ 2 and </></p>") == "1 </ 2 and");
}

TEST_CASE("html: uppercase tags and unquoted or valueless attributes are read") {
    CHECK(TextOf("<P>One<BR>Two</P><DIV CLASS=intro ID=lead data-x hidden>Three</DIV>") == "One\nTwo\n\nThree");
    CHECK(TextOf("<div class=share-bar>Share</div><p title='a > b' data-y=\"c > d\">Kept</p>") == "Kept");
    CHECK(TextOf("<SCRIPT>var s = '</div><p>x</p>';</SCRIPT ><NAV>menu</NAV>Body") == "Body");
}

TEST_CASE("html: comments hide the tags inside them; CDATA, doctype and processing instructions are handled") {
    CHECK(TextOf("<!DOCTYPE html><?xml version=\"1.0\"?><p>a<!-- <p>hidden</p> -->b</p>") == "ab");
    CHECK(TextOf("<p>a<!--> b <!---> c<!--[if IE]><p>old</p><![endif]--></p>") == "a b c");
    CHECK(TextOf("<p>x <![CDATA[if (a < b && c) <y>]]> z</p>") == "x if (a < b && c) <y> z");
    CHECK(TextOf("<p>kept</p><!-- never closed <p>lost</p>") == "kept");
}

TEST_CASE("html: pre keeps its spaces and line breaks") {
    CHECK(TextOf("<p>Code:</p><pre>\nint main() {\n    return 0;\t// done\n}\n\n\n\nend\n   </pre><p>After</p>") ==
          "Code:\n\nint main() {\n    return 0;\t// done\n}\n\nend\n\nAfter");
    CHECK(TextOf("<p>Poem</p><pre>  one<br>  two&nbsp;three</pre>") == "Poem\n\n  one\n  two three");
    CHECK(TextOf("<pre>\n\n    first\n    second</pre>") == "first\n    second");   // the text is trimmed
}

TEST_CASE("html: br breaks a line, two break a paragraph, and no more than one blank line is ever written") {
    CHECK(TextOf("<p>Line one<br>Line two <br/> Line three</p>") == "Line one\nLine two\nLine three");
    CHECK(TextOf("<p>a<br><br>b<br><br><br><br>c</p><br><br><div><p></p><p>d</p></div>") == "a\n\nb\n\nc\n\nd");
    CHECK(TextOf("<div><br>  <p>  lead  </p>  </div>  ") == "lead");
    CHECK(TextOf("<p>10\u00A0000 \u00A0 km</p>") == "10 000 km");   // U+00A0 is a space, as &nbsp; is
}

TEST_CASE("html: list items and table rows each get their own line") {
    CHECK(TextOf("<p>Agenda</p><ol><li>Budget<ul><li>Debate</li><li>Vote</li></ul></li><li>Questions</li></ol>"
                 "<dl><dt>Term</dt><dd>Meaning</dd></dl>") ==
          "Agenda\n\nBudget\nDebate\nVote\nQuestions\n\nTerm\nMeaning");
}

TEST_CASE("html: the lang attribute of <html> is reported") {
    core::Result<text::HtmlDocument> page = text::ExtractHtml("<HTML LANG=\" ru-RU \"><p>Текст</p>");
    REQUIRE(page.ok());
    CHECK(page->lang == "ru-RU");
    core::Result<text::HtmlDocument> xhtml = text::ExtractHtml("<html xml:lang=\"uk\"><p>Текст</p>");
    REQUIRE(xhtml.ok());
    CHECK(xhtml->lang == "uk");
    core::Result<text::HtmlDocument> none = text::ExtractHtml("<p lang=\"de\">Text</p>");
    REQUIRE(none.ok());
    CHECK(none->lang == "");
}

TEST_CASE("html: plain text passes through with its lines and paragraphs") {
    core::Result<text::HtmlDocument> page =
        text::ExtractHtml("  Minutes of the sitting\r\nheld on 4 May\n\n\n   Item 1:   the budget &amp; a < b\n");
    REQUIRE(page.ok());
    CHECK(page->text == "Minutes of the sitting\nheld on 4 May\n\nItem 1: the budget & a < b");
    CHECK(page->title == "");
    CHECK(page->dropped.empty());
}

TEST_CASE("html: cyrillic text and references come out as UTF-8") {
    CHECK(TextOf("<h2>Заявление&nbsp;МИД</h2><p>&laquo;Переговоры продолжатся&raquo;, &mdash; сказал "
                 "министр. &#1046;&#x436;</p>") ==
          "Заявление МИД\n\n«Переговоры продолжатся», — сказал министр. Жж");
}

TEST_CASE("html: pages larger than max_bytes are refused with the size and the limit") {
    core::Result<text::HtmlDocument> small = text::ExtractHtml("<p>12345</p>", 5);
    REQUIRE(!small.ok());
    CHECK(small.status().code() == core::StatusCode::InvalidInput);
    CHECK(small.status().message().find("12 bytes") != std::string::npos);
    CHECK(small.status().message().find("5 bytes") != std::string::npos);

    std::string page(size_t{1} << 20, 'x');
    CHECK(text::ExtractHtml(page, page.size()).ok());   // exactly the limit is fine
    page.push_back('x');
    core::Result<text::HtmlDocument> over = text::ExtractHtml(page, page.size() - 1);
    REQUIRE(!over.ok());
    CHECK(over.status().message().find("1048577 bytes") != std::string::npos);   // not "1.0 MiB" twice
}

TEST_CASE("html: furniture classes and ids are matched by word, and page-state classes are not furniture") {
    CHECK(TextOf("<div class=\"navy-theme\">a</div><p class=\"loading\">b</p><div class=\"canvas-wrap\">c</div>"
                 "<div class=\"has-sidebar nav-open\">d</div><div class=\"adjust\">e</div>") ==
          "a\n\nb\n\nc\n\nd\n\ne");
    core::Result<text::HtmlDocument> page = text::ExtractHtml(
        "<div class=\"mainNav\">x</div><div id=\"cookie-banner\">x</div><div class=\"ad-slot\">x</div>"
        "<ul class=\"social-links\"><li>x</ul><p>Read <span class=\"share-count\">12</span>more</p>");
    REQUIRE(page.ok());
    CHECK(page->text == "Read more");
    CHECK(page->dropped == std::vector<std::string>{"div.mainNav ×1", "div#cookie-banner ×1", "div.ad-slot ×1",
                                                    "ul.social-links ×1", "span.share-count ×1"});
}

TEST_CASE("html: a furniture-marked wrapper that holds the article is kept") {
    core::Result<text::HtmlDocument> page = text::ExtractHtml(
        "<div id=\"content-with-sidebar\"><div class=\"related\">Also read</div><article><p>Story</p></article>"
        "</div><div class=\"sidebar\"><h2>Popular</h2></div>");
    REQUIRE(page.ok());
    CHECK(page->text == "Story");
    CHECK(page->dropped == std::vector<std::string>{"div.related ×1", "div.sidebar ×1"});
}

TEST_CASE("html: header and footer inside an article are kept, page-level ones are dropped") {
    CHECK(TextOf("<header>Site</header><article><header><h1>Headline</h1><p>By A. Writer</p></header>"
                 "<p>Body</p><footer>Filed under: Transport</footer></article><footer>Contact us</footer>") ==
          "Headline\n\nBy A. Writer\n\nBody\n\nFiled under: Transport");
}

TEST_CASE("html: a form that wraps the whole page is kept, a search form is dropped") {
    std::string speech;
    for (int i = 0; i < 60; ++i) speech += "The committee met again. ";
    speech.pop_back();
    core::Result<text::HtmlDocument> page = text::ExtractHtml(
        "<form id=\"aspnetForm\" action=\"default.aspx\"><p>" + speech + "</p></form>"
        "<form class=\"search\"><label>Search</label><input name=q><button>Go</button></form><p>End</p>");
    REQUIRE(page.ok());
    CHECK(page->text == speech + "\n\nEnd");
    CHECK(page->dropped == std::vector<std::string>{"form ×1"});
}

TEST_CASE("html: dropped elements never leak, and a self-closed svg or iframe does not swallow the page") {
    CHECK(TextOf("<p>a<svg viewBox=\"0 0 1 1\"><title>icon</title><text>svg text</text></svg>b</p>") == "a b");
    CHECK(TextOf("<svg/><p>kept</p><iframe src=\"x\" /><p>also kept</p>") == "kept\n\nalso kept");
    CHECK(TextOf("<p>x<textarea>typed</textarea>y<select><option>a<option>b</select>z<noscript>enable JS</noscript>") ==
          "x y z");
    CHECK(TextOf("<template><p>tpl</p></template><style>p{}</style><p>ok") == "ok");
}

TEST_CASE("html: deeply nested markup is still extracted, furniture included") {
    std::string page;
    for (int i = 0; i < 2000; ++i) page += "<div><span>";
    page += "<nav>Menu</nav>Deep text";
    core::Result<text::HtmlDocument> deep = text::ExtractHtml(page);
    REQUIRE(deep.ok());
    CHECK(deep->text == "Deep text");
    CHECK(deep->dropped == std::vector<std::string>{"nav ×1"});
}

TEST_CASE("html: nested removals are reported once, by the outermost") {
    core::Result<text::HtmlDocument> page = text::ExtractHtml(
        "<div class=\"related\"><script>1</script><ul class=\"share\"><li>a</ul></div>"
        "<nav><script>2</script></nav><p>Text</p><script>3</script>");
    REQUIRE(page.ok());
    CHECK(page->text == "Text");
    CHECK(page->dropped == std::vector<std::string>{"div.related ×1", "nav ×1", "script ×1"});
}

}  // TEST_SUITE
