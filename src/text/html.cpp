// ExtractHtml and DecodeEntities. One pass over the page: a lexer shaped like HTML5's tokenizer (text, tags,
// comments, the raw text of script and style), a stack of open elements with the implied end tags that matter
// for text, and a writer that collapses whitespace lazily, so separators are only written between words.
// Furniture recognised by class or id is written tentatively and cut again at its end tag unless it turned out
// to hold the article.
#include "text/html.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <utility>

#include "text/utf8.h"

namespace text {
namespace {

// ---- Character references ----------------------------------------------------------------------------------

struct NamedEntity {
    std::string_view name;
    uint32_t code_point;
    bool legacy = false;    // HTML5 also reads it without the ';'
};

// Generated from HTML5's entity list (single code points only), sorted by name in byte order.
constexpr NamedEntity kNamedEntities[] = {
    {"AElig", 0x00C6, true}, {"AMP", 0x0026, true}, {"Aacute", 0x00C1, true}, {"Abreve", 0x0102},
    {"Acirc", 0x00C2, true}, {"Agrave", 0x00C0, true}, {"Alpha", 0x0391}, {"Amacr", 0x0100}, {"Aogon", 0x0104},
    {"Aring", 0x00C5, true}, {"Atilde", 0x00C3, true}, {"Auml", 0x00C4, true}, {"Beta", 0x0392},
    {"COPY", 0x00A9, true}, {"Cacute", 0x0106}, {"Ccaron", 0x010C}, {"Ccedil", 0x00C7, true}, {"Ccirc", 0x0108},
    {"Cdot", 0x010A}, {"Chi", 0x03A7}, {"Dagger", 0x2021}, {"Dcaron", 0x010E}, {"Delta", 0x0394}, {"Dstrok", 0x0110},
    {"ENG", 0x014A}, {"ETH", 0x00D0, true}, {"Eacute", 0x00C9, true}, {"Ecaron", 0x011A}, {"Ecirc", 0x00CA, true},
    {"Edot", 0x0116}, {"Egrave", 0x00C8, true}, {"Emacr", 0x0112}, {"Eogon", 0x0118}, {"Epsilon", 0x0395},
    {"Eta", 0x0397}, {"Euml", 0x00CB, true}, {"GT", 0x003E, true}, {"Gamma", 0x0393}, {"Gbreve", 0x011E},
    {"Gcedil", 0x0122}, {"Gcirc", 0x011C}, {"Gdot", 0x0120}, {"Hat", 0x005E}, {"Hcirc", 0x0124}, {"Hstrok", 0x0126},
    {"IJlig", 0x0132}, {"Iacute", 0x00CD, true}, {"Icirc", 0x00CE, true}, {"Idot", 0x0130}, {"Igrave", 0x00CC, true},
    {"Imacr", 0x012A}, {"Iogon", 0x012E}, {"Iota", 0x0399}, {"Itilde", 0x0128}, {"Iuml", 0x00CF, true},
    {"Jcirc", 0x0134}, {"Kappa", 0x039A}, {"Kcedil", 0x0136}, {"LT", 0x003C, true}, {"Lacute", 0x0139},
    {"Lambda", 0x039B}, {"Lcaron", 0x013D}, {"Lcedil", 0x013B}, {"Lmidot", 0x013F}, {"Lstrok", 0x0141},
    {"Mu", 0x039C}, {"Nacute", 0x0143}, {"Ncaron", 0x0147}, {"Ncedil", 0x0145}, {"NoBreak", 0x2060},
    {"Ntilde", 0x00D1, true}, {"Nu", 0x039D}, {"OElig", 0x0152}, {"Oacute", 0x00D3, true}, {"Ocirc", 0x00D4, true},
    {"Odblac", 0x0150}, {"Ograve", 0x00D2, true}, {"Omacr", 0x014C}, {"Omega", 0x03A9}, {"Omicron", 0x039F},
    {"Oslash", 0x00D8, true}, {"Otilde", 0x00D5, true}, {"Ouml", 0x00D6, true}, {"Phi", 0x03A6}, {"Pi", 0x03A0},
    {"Prime", 0x2033}, {"Psi", 0x03A8}, {"QUOT", 0x0022, true}, {"REG", 0x00AE, true}, {"Racute", 0x0154},
    {"Rcaron", 0x0158}, {"Rcedil", 0x0156}, {"Rho", 0x03A1}, {"Sacute", 0x015A}, {"Scaron", 0x0160},
    {"Scedil", 0x015E}, {"Scirc", 0x015C}, {"Sigma", 0x03A3}, {"THORN", 0x00DE, true}, {"TRADE", 0x2122},
    {"Tau", 0x03A4}, {"Tcaron", 0x0164}, {"Tcedil", 0x0162}, {"Theta", 0x0398}, {"Tstrok", 0x0166},
    {"Uacute", 0x00DA, true}, {"Ubreve", 0x016C}, {"Ucirc", 0x00DB, true}, {"Udblac", 0x0170},
    {"Ugrave", 0x00D9, true}, {"Umacr", 0x016A}, {"Uogon", 0x0172}, {"Upsilon", 0x03A5}, {"Uring", 0x016E},
    {"Utilde", 0x0168}, {"Uuml", 0x00DC, true}, {"Wcirc", 0x0174}, {"Xi", 0x039E}, {"Yacute", 0x00DD, true},
    {"Ycirc", 0x0176}, {"Yuml", 0x0178}, {"Zacute", 0x0179}, {"Zcaron", 0x017D}, {"Zdot", 0x017B},
    {"ZeroWidthSpace", 0x200B}, {"Zeta", 0x0396}, {"aacute", 0x00E1, true}, {"abreve", 0x0103},
    {"acirc", 0x00E2, true}, {"acute", 0x00B4, true}, {"aelig", 0x00E6, true}, {"agrave", 0x00E0, true},
    {"alefsym", 0x2135}, {"alpha", 0x03B1}, {"amacr", 0x0101}, {"amp", 0x0026, true}, {"and", 0x2227},
    {"ang", 0x2220}, {"aogon", 0x0105}, {"apos", 0x0027}, {"aring", 0x00E5, true}, {"ast", 0x002A}, {"asymp", 0x2248},
    {"atilde", 0x00E3, true}, {"auml", 0x00E4, true}, {"bdquo", 0x201E}, {"beta", 0x03B2}, {"brvbar", 0x00A6, true},
    {"bsol", 0x005C}, {"bull", 0x2022}, {"bullet", 0x2022}, {"cacute", 0x0107}, {"cap", 0x2229}, {"ccaron", 0x010D},
    {"ccedil", 0x00E7, true}, {"ccirc", 0x0109}, {"cdot", 0x010B}, {"cedil", 0x00B8, true}, {"cent", 0x00A2, true},
    {"check", 0x2713}, {"chi", 0x03C7}, {"circ", 0x02C6}, {"clubs", 0x2663}, {"colon", 0x003A}, {"comma", 0x002C},
    {"commat", 0x0040}, {"cong", 0x2245}, {"copy", 0x00A9, true}, {"copysr", 0x2117}, {"crarr", 0x21B5},
    {"cross", 0x2717}, {"cup", 0x222A}, {"curren", 0x00A4, true}, {"dArr", 0x21D3}, {"dagger", 0x2020},
    {"darr", 0x2193}, {"dash", 0x2010}, {"dcaron", 0x010F}, {"deg", 0x00B0, true}, {"delta", 0x03B4},
    {"diams", 0x2666}, {"divide", 0x00F7, true}, {"dollar", 0x0024}, {"dstrok", 0x0111}, {"eacute", 0x00E9, true},
    {"ecaron", 0x011B}, {"ecirc", 0x00EA, true}, {"edot", 0x0117}, {"egrave", 0x00E8, true}, {"emacr", 0x0113},
    {"empty", 0x2205}, {"emsp", 0x2003}, {"eng", 0x014B}, {"ensp", 0x2002}, {"eogon", 0x0119}, {"epsilon", 0x03B5},
    {"equals", 0x003D}, {"equiv", 0x2261}, {"eta", 0x03B7}, {"eth", 0x00F0, true}, {"euml", 0x00EB, true},
    {"euro", 0x20AC}, {"excl", 0x0021}, {"exist", 0x2203}, {"fnof", 0x0192}, {"forall", 0x2200},
    {"frac12", 0x00BD, true}, {"frac13", 0x2153}, {"frac14", 0x00BC, true}, {"frac15", 0x2155}, {"frac18", 0x215B},
    {"frac23", 0x2154}, {"frac34", 0x00BE, true}, {"frac38", 0x215C}, {"frac58", 0x215D}, {"frac78", 0x215E},
    {"frasl", 0x2044}, {"gamma", 0x03B3}, {"gbreve", 0x011F}, {"gcirc", 0x011D}, {"gdot", 0x0121}, {"ge", 0x2265},
    {"grave", 0x0060}, {"gt", 0x003E, true}, {"hArr", 0x21D4}, {"hairsp", 0x200A}, {"half", 0x00BD}, {"harr", 0x2194},
    {"hcirc", 0x0125}, {"hearts", 0x2665}, {"hellip", 0x2026}, {"horbar", 0x2015}, {"hstrok", 0x0127},
    {"hyphen", 0x2010}, {"iacute", 0x00ED, true}, {"icirc", 0x00EE, true}, {"iexcl", 0x00A1, true},
    {"igrave", 0x00EC, true}, {"ijlig", 0x0133}, {"imacr", 0x012B}, {"image", 0x2111}, {"imath", 0x0131},
    {"infin", 0x221E}, {"inodot", 0x0131}, {"int", 0x222B}, {"iogon", 0x012F}, {"iota", 0x03B9},
    {"iquest", 0x00BF, true}, {"isin", 0x2208}, {"itilde", 0x0129}, {"iuml", 0x00EF, true}, {"jcirc", 0x0135},
    {"kappa", 0x03BA}, {"kcedil", 0x0137}, {"kgreen", 0x0138}, {"lArr", 0x21D0}, {"lacute", 0x013A},
    {"lambda", 0x03BB}, {"lang", 0x27E8}, {"laquo", 0x00AB, true}, {"larr", 0x2190}, {"lcaron", 0x013E},
    {"lcedil", 0x013C}, {"lceil", 0x2308}, {"lcub", 0x007B}, {"ldquo", 0x201C}, {"ldquor", 0x201E}, {"le", 0x2264},
    {"lfloor", 0x230A}, {"lmidot", 0x0140}, {"lowast", 0x2217}, {"lowbar", 0x005F}, {"loz", 0x25CA}, {"lpar", 0x0028},
    {"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsqb", 0x005B}, {"lsquo", 0x2018}, {"lsquor", 0x201A}, {"lstrok", 0x0142},
    {"lt", 0x003C, true}, {"macr", 0x00AF, true}, {"mdash", 0x2014}, {"micro", 0x00B5, true},
    {"middot", 0x00B7, true}, {"minus", 0x2212}, {"mldr", 0x2026}, {"mu", 0x03BC}, {"nabla", 0x2207},
    {"nacute", 0x0144}, {"napos", 0x0149}, {"nbsp", 0x00A0, true}, {"ncaron", 0x0148}, {"ncedil", 0x0146},
    {"ndash", 0x2013}, {"ne", 0x2260}, {"ni", 0x220B}, {"nldr", 0x2025}, {"not", 0x00AC, true}, {"notin", 0x2209},
    {"nsub", 0x2284}, {"ntilde", 0x00F1, true}, {"nu", 0x03BD}, {"num", 0x0023}, {"numero", 0x2116},
    {"numsp", 0x2007}, {"oacute", 0x00F3, true}, {"ocirc", 0x00F4, true}, {"odblac", 0x0151}, {"oelig", 0x0153},
    {"ograve", 0x00F2, true}, {"oline", 0x203E}, {"omacr", 0x014D}, {"omega", 0x03C9}, {"omicron", 0x03BF},
    {"oplus", 0x2295}, {"or", 0x2228}, {"ordf", 0x00AA, true}, {"ordm", 0x00BA, true}, {"oslash", 0x00F8, true},
    {"otilde", 0x00F5, true}, {"otimes", 0x2297}, {"ouml", 0x00F6, true}, {"para", 0x00B6, true}, {"part", 0x2202},
    {"percnt", 0x0025}, {"period", 0x002E}, {"permil", 0x2030}, {"perp", 0x22A5}, {"phi", 0x03C6}, {"pi", 0x03C0},
    {"piv", 0x03D6}, {"plus", 0x002B}, {"plusmn", 0x00B1, true}, {"pound", 0x00A3, true}, {"prime", 0x2032},
    {"prod", 0x220F}, {"prop", 0x221D}, {"psi", 0x03C8}, {"puncsp", 0x2008}, {"quest", 0x003F},
    {"quot", 0x0022, true}, {"rArr", 0x21D2}, {"racute", 0x0155}, {"radic", 0x221A}, {"rang", 0x27E9},
    {"raquo", 0x00BB, true}, {"rarr", 0x2192}, {"rcaron", 0x0159}, {"rcedil", 0x0157}, {"rceil", 0x2309},
    {"rcub", 0x007D}, {"rdquo", 0x201D}, {"rdquor", 0x201D}, {"real", 0x211C}, {"reg", 0x00AE, true},
    {"rfloor", 0x230B}, {"rho", 0x03C1}, {"rlm", 0x200F}, {"rpar", 0x0029}, {"rsaquo", 0x203A}, {"rsqb", 0x005D},
    {"rsquo", 0x2019}, {"rsquor", 0x2019}, {"sacute", 0x015B}, {"sbquo", 0x201A}, {"scaron", 0x0161},
    {"scedil", 0x015F}, {"scirc", 0x015D}, {"sdot", 0x22C5}, {"sect", 0x00A7, true}, {"semi", 0x003B},
    {"shy", 0x00AD, true}, {"sigma", 0x03C3}, {"sigmaf", 0x03C2}, {"sim", 0x223C}, {"sol", 0x002F},
    {"spades", 0x2660}, {"star", 0x2606}, {"starf", 0x2605}, {"sub", 0x2282}, {"sube", 0x2286}, {"sum", 0x2211},
    {"sup", 0x2283}, {"sup1", 0x00B9, true}, {"sup2", 0x00B2, true}, {"sup3", 0x00B3, true}, {"supe", 0x2287},
    {"szlig", 0x00DF, true}, {"tau", 0x03C4}, {"tcaron", 0x0165}, {"tcedil", 0x0163}, {"there4", 0x2234},
    {"theta", 0x03B8}, {"thetasym", 0x03D1}, {"thinsp", 0x2009}, {"thorn", 0x00FE, true}, {"tilde", 0x02DC},
    {"times", 0x00D7, true}, {"trade", 0x2122}, {"tstrok", 0x0167}, {"uArr", 0x21D1}, {"uacute", 0x00FA, true},
    {"uarr", 0x2191}, {"ubreve", 0x016D}, {"ucirc", 0x00FB, true}, {"udblac", 0x0171}, {"ugrave", 0x00F9, true},
    {"umacr", 0x016B}, {"uml", 0x00A8, true}, {"uogon", 0x0173}, {"upsih", 0x03D2}, {"upsilon", 0x03C5},
    {"uring", 0x016F}, {"utilde", 0x0169}, {"uuml", 0x00FC, true}, {"verbar", 0x007C}, {"vert", 0x007C},
    {"wcirc", 0x0175}, {"weierp", 0x2118}, {"xi", 0x03BE}, {"yacute", 0x00FD, true}, {"ycirc", 0x0177},
    {"yen", 0x00A5, true}, {"yuml", 0x00FF, true}, {"zacute", 0x017A}, {"zcaron", 0x017E}, {"zdot", 0x017C},
    {"zeta", 0x03B6}, {"zwj", 0x200D}, {"zwnj", 0x200C},
};
static_assert(std::is_sorted(std::begin(kNamedEntities), std::end(kNamedEntities),
                             [](const NamedEntity& a, const NamedEntity& b) { return a.name < b.name; }));

// What HTML5 reads &#128;–&#159; as (windows-1252); 0 where windows-1252 has no character there.
constexpr uint16_t kWindows1252C1[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
    0x0178,
};

constexpr size_t kLongestEntityName = 32;   // longer runs of letters are not looked up

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
char ToLowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

int HexValue(char c) {
    if (IsAsciiDigit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void AppendUtf8(uint32_t code_point, std::string* out) {
    if (code_point < 0x80) {
        out->push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
        out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

// The character a decoded reference stands for, applying the nbsp → space and shy → nothing decisions.
void AppendReferenced(uint32_t code_point, std::string* out) {
    if (code_point == 0x00A0) out->push_back(' ');
    else if (code_point != 0x00AD) AppendUtf8(code_point, out);
}

// `value` is saturated at 0x110000 by the caller, so it is either a candidate code point or out of range.
uint32_t NumericReferenceCodePoint(uint32_t value) {
    if (value >= 0x80 && value <= 0x9F) {
        uint32_t mapped = kWindows1252C1[value - 0x80];
        return mapped ? mapped : 0xFFFD;
    }
    bool is_control = (value < 0x20 && value != '\t' && value != '\n' && value != '\f' && value != '\r') ||
                      value == 0x7F;
    bool is_surrogate = value >= 0xD800 && value <= 0xDFFF;
    bool is_noncharacter = (value >= 0xFDD0 && value <= 0xFDEF) || (value & 0xFFFE) == 0xFFFE;
    if (value == 0 || value > 0x10FFFF || is_control || is_surrogate || is_noncharacter) return 0xFFFD;
    return value;
}

const NamedEntity* FindNamedEntity(std::string_view name) {
    auto it = std::lower_bound(std::begin(kNamedEntities), std::end(kNamedEntities), name,
                               [](const NamedEntity& e, std::string_view n) { return e.name < n; });
    return (it != std::end(kNamedEntities) && it->name == name) ? &*it : nullptr;
}

// Decodes the reference at text[at] == '&' into `out`. Returns the bytes it used, 0 when there is no reference
// there (the caller then keeps the '&' as text).
size_t DecodeReferenceAt(std::string_view text, size_t at, std::string* out) {
    size_t n = text.size(), i = at + 1;
    if (i < n && text[i] == '#') {
        ++i;
        bool hex = i < n && (text[i] == 'x' || text[i] == 'X');
        if (hex) ++i;
        size_t digits_begin = i;
        uint32_t value = 0;
        for (; i < n; ++i) {
            int digit = hex ? HexValue(text[i]) : (IsAsciiDigit(text[i]) ? text[i] - '0' : -1);
            if (digit < 0) break;
            value = std::min<uint32_t>(value * (hex ? 16 : 10) + static_cast<uint32_t>(digit), 0x110000);
        }
        if (i == digits_begin) return 0;
        if (i < n && text[i] == ';') ++i;
        AppendReferenced(NumericReferenceCodePoint(value), out);
        return i - at;
    }
    while (i < n && i - at <= kLongestEntityName && IsAsciiAlnum(text[i])) ++i;
    const NamedEntity* entity = FindNamedEntity(text.substr(at + 1, i - at - 1));
    if (!entity) return 0;
    if (i < n && text[i] == ';') {
        AppendReferenced(entity->code_point, out);
        return i + 1 - at;
    }
    // Without ';' only the legacy names, and not before '=' (query strings: "?a=1&lt=2").
    if (!entity->legacy || (i < n && (text[i] == '=' || IsAsciiAlnum(text[i])))) return 0;
    AppendReferenced(entity->code_point, out);
    return i - at;
}

void DecodeEntitiesTo(std::string_view text, std::string* out) {
    size_t i = 0;
    while (i < text.size()) {
        size_t amp = text.find('&', i);
        if (amp == std::string_view::npos) break;
        out->append(text.substr(i, amp - i));
        size_t used = DecodeReferenceAt(text, amp, out);
        if (used == 0) {
            out->push_back('&');
            used = 1;
        }
        i = amp + used;
    }
    out->append(text.substr(std::min(i, text.size())));
}

// ---- Whitespace ------------------------------------------------------------------------------------------------

// HTML's whitespace (space, tab, LF, FF, CR).
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// U+00A0 in UTF-8, which the text treats as a space.
bool IsNbspAt(std::string_view s, size_t i) {
    return static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
}

// Runs of whitespace (U+00A0 included) to one space, trimmed: for titles and <meta> values.
std::string CollapseWhitespace(std::string_view s) {
    std::string out;
    bool space = false;
    for (size_t i = 0; i < s.size(); ++i) {
        if (IsNbspAt(s, i)) {
            ++i;
            space = true;
            continue;
        }
        if (IsHtmlSpace(s[i])) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(s[i]);
    }
    return out;
}

std::string DecodeAndCollapse(std::string_view s) {
    std::string decoded;
    DecodeEntitiesTo(s, &decoded);
    return CollapseWhitespace(decoded);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (ToLowerAscii(a[i]) != lower[i]) return false;
    return true;
}

std::string ToLowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ToLowerAscii(c);
    return out;
}

// ---- Elements --------------------------------------------------------------------------------------------------

// What an element means for the text. Unknown elements (span, a, em, custom elements…) are inline: 0.
constexpr uint32_t kVoid = 1u << 0;         // no content and no end tag (br, img, meta…)
constexpr uint32_t kRawText = 1u << 1;      // content is text up to </name> (script, style, title…)
constexpr uint32_t kDrop = 1u << 2;         // left out with its content
constexpr uint32_t kBanner = 1u << 3;       // header/footer: left out unless inside sectioning content
constexpr uint32_t kForm = 1u << 4;         // left out unless it holds the article (see ResolveTentative)
constexpr uint32_t kParagraph = 1u << 5;    // starts and ends a paragraph
constexpr uint32_t kLine = 1u << 6;         // starts and ends a line
constexpr uint32_t kList = 1u << 7;         // a paragraph at top level, a line inside another list
constexpr uint32_t kCell = 1u << 8;         // a space from its neighbours
constexpr uint32_t kPre = 1u << 9;          // whitespace kept
constexpr uint32_t kClosesP = 1u << 10;     // its start tag closes an open <p>
constexpr uint32_t kSpecial = 1u << 11;     // HTML5's "special" elements: an inline end tag does not close them
constexpr uint32_t kScope = 1u << 12;       // end tags do not search past it (table, cells, button…)
constexpr uint32_t kLandmark = 1u << 13;    // marks the main content, which furniture must not hide
constexpr uint32_t kSectioning = 1u << 14;  // a header/footer inside belongs to it, not to the page
constexpr uint32_t kHeading = 1u << 15;
constexpr uint32_t kNoClassDrop = 1u << 16; // its class describes page state, not furniture (body "has-sidebar")

constexpr uint32_t kBlock = kParagraph | kClosesP | kSpecial;

struct TagInfo {
    std::string_view name;
    uint32_t flags;
};

constexpr TagInfo kTags[] = {
    {"address", kBlock}, {"applet", kScope | kSpecial}, {"area", kVoid},
    {"article", kBlock | kLandmark | kSectioning | kNoClassDrop}, {"aside", kDrop | kBlock | kSectioning},
    {"audio", kDrop}, {"base", kVoid}, {"basefont", kVoid}, {"bgsound", kVoid}, {"blockquote", kBlock},
    {"body", kParagraph | kSpecial | kNoClassDrop}, {"br", kVoid}, {"button", kDrop | kScope | kSpecial},
    {"canvas", kDrop}, {"caption", kLine | kScope | kSpecial}, {"center", kBlock}, {"col", kVoid},
    {"dd", kLine | kClosesP | kSpecial}, {"details", kBlock}, {"dialog", kBlock},
    {"dir", kList | kClosesP | kSpecial}, {"div", kBlock}, {"dl", kList | kClosesP | kSpecial},
    {"dt", kLine | kClosesP | kSpecial}, {"embed", kVoid}, {"fieldset", kBlock}, {"figcaption", kBlock},
    {"figure", kBlock}, {"footer", kBanner | kBlock}, {"form", kForm | kBlock}, {"frame", kVoid},
    {"h1", kBlock | kHeading | kLandmark}, {"h2", kBlock | kHeading}, {"h3", kBlock | kHeading},
    {"h4", kBlock | kHeading}, {"h5", kBlock | kHeading}, {"h6", kBlock | kHeading}, {"head", kSpecial},
    {"header", kBanner | kBlock}, {"hgroup", kBlock}, {"hr", kVoid | kParagraph | kClosesP},
    {"html", kParagraph | kSpecial | kScope | kNoClassDrop}, {"iframe", kRawText | kDrop}, {"img", kVoid},
    {"input", kVoid}, {"keygen", kVoid}, {"legend", kParagraph}, {"li", kLine | kClosesP | kSpecial},
    {"link", kVoid}, {"listing", kBlock | kPre}, {"main", kBlock | kLandmark | kSectioning | kNoClassDrop},
    {"marquee", kScope | kSpecial}, {"math", kDrop | kSpecial}, {"menu", kList | kClosesP | kSpecial},
    {"meta", kVoid}, {"nav", kDrop | kBlock | kSectioning}, {"noembed", kRawText | kDrop},
    {"noframes", kRawText | kDrop}, {"noscript", kRawText | kDrop}, {"object", kDrop | kScope | kSpecial},
    {"ol", kList | kClosesP | kSpecial}, {"p", kBlock}, {"param", kVoid}, {"pre", kBlock | kPre},
    {"script", kRawText | kDrop}, {"section", kBlock | kSectioning}, {"select", kDrop | kSpecial},
    {"source", kVoid}, {"style", kRawText | kDrop}, {"summary", kBlock}, {"svg", kDrop | kSpecial},
    {"table", kBlock | kScope}, {"tbody", kSpecial}, {"td", kCell | kScope | kSpecial},
    {"template", kDrop | kScope | kSpecial}, {"textarea", kRawText | kDrop | kSpecial}, {"tfoot", kSpecial},
    {"th", kCell | kScope | kSpecial}, {"thead", kSpecial}, {"title", kRawText}, {"tr", kLine | kSpecial},
    {"track", kVoid}, {"ul", kList | kClosesP | kSpecial}, {"video", kDrop}, {"wbr", kVoid},
    {"xmp", kRawText | kBlock | kPre},
};
static_assert(std::is_sorted(std::begin(kTags), std::end(kTags),
                             [](const TagInfo& a, const TagInfo& b) { return a.name < b.name; }));

uint32_t TagFlags(std::string_view lower_name) {
    auto it = std::lower_bound(std::begin(kTags), std::end(kTags), lower_name,
                               [](const TagInfo& t, std::string_view n) { return t.name < n; });
    return (it != std::end(kTags) && it->name == lower_name) ? it->flags : 0;
}

// A dropped <nav> or <button> still separates the words around it; a <script> or <style> never showed.
bool IsVisibleWhenDropped(std::string_view name) { return name != "script" && name != "style"; }

// Open elements at most; a deeper start tag first closes the deepest one, as Blink bounds its tree.
constexpr size_t kMaxDepth = 512;
// A <form> holding this much text (in bytes) is the page itself (ASP.NET), not a search or comment form.
constexpr size_t kFormTextBytes = 500;

// ---- Furniture by class or id ----------------------------------------------------------------------------------

// One lower-case word of a class name or id. Whole words for the short ones ("nav" but not "navy", "ad" but not
// "adjust"), stems for the distinctive ones ("socialmedia", "related-stories", "cookieconsent").
bool IsFurnitureWord(std::string_view word) {
    constexpr std::string_view kWords[] = {"nav", "menu", "share", "sharing", "sharebar", "ad", "ads"};
    constexpr std::string_view kStems[] = {"social", "related", "footer", "sidebar", "cookie", "breadcrumb",
                                           "navbar", "navigation", "advert"};
    if (std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords)) return true;
    return std::any_of(std::begin(kStems), std::end(kStems),
                       [&](std::string_view stem) { return word.starts_with(stem); });
}

// A class name that starts or ends with one of these says what state the page is in ("has-sidebar",
// "is-menu-open", "no-ads", "nav-open"), not what the element is.
bool IsStatePrefix(std::string_view word) {
    constexpr std::string_view kPrefixes[] = {"has", "is", "no", "with", "show", "hide", "open"};
    return std::find(std::begin(kPrefixes), std::end(kPrefixes), word) != std::end(kPrefixes);
}

bool IsStateSuffix(std::string_view word) {
    constexpr std::string_view kSuffixes[] = {"open", "opened", "closed", "active", "visible", "hidden",
                                              "expanded", "collapsed", "enabled", "disabled"};
    return std::find(std::begin(kSuffixes), std::end(kSuffixes), word) != std::end(kSuffixes);
}

// True when one class name (or an id) marks furniture: it is split into words at non-alphanumerics, camelCase
// and letter/digit edges ("mainNav" → main nav, "ad300" → ad 300); one word must be furniture, and the name
// must neither start nor end with a state word.
bool IsFurnitureName(std::string_view name) {
    std::vector<std::string> words(1);
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (!IsAsciiAlnum(c) && static_cast<unsigned char>(c) < 0x80) {
            if (!words.back().empty()) words.emplace_back();
            continue;
        }
        if (!words.back().empty()) {
            char prev = name[i - 1];
            bool camel = prev >= 'a' && prev <= 'z' && c >= 'A' && c <= 'Z';
            if (camel || IsAsciiDigit(prev) != IsAsciiDigit(c)) words.emplace_back();
        }
        words.back().push_back(ToLowerAscii(c));
    }
    if (words.back().empty()) words.pop_back();
    if (words.empty() || IsStatePrefix(words.front()) || IsStateSuffix(words.back())) return false;
    return std::any_of(words.begin(), words.end(), [](const std::string& w) { return IsFurnitureWord(w); });
}

// The class name or id that marks `attribute_value` (space-separated names) as furniture, or "".
std::string_view FurnitureName(std::string_view attribute_value) {
    size_t i = 0;
    while (i < attribute_value.size()) {
        while (i < attribute_value.size() && IsHtmlSpace(attribute_value[i])) ++i;
        size_t begin = i;
        while (i < attribute_value.size() && !IsHtmlSpace(attribute_value[i])) ++i;
        std::string_view name = attribute_value.substr(begin, i - begin);
        if (!name.empty() && IsFurnitureName(name)) return name;
    }
    return {};
}

// ---- The extractor ---------------------------------------------------------------------------------------------

// The attributes extraction looks at, raw (entities not decoded); the first of each wins, as in HTML5.
struct TagAttributes {
    std::optional<std::string_view> class_names, id, lang, xml_lang, name, property, content;
};

void SetAttribute(TagAttributes* attributes, std::string_view name, std::string_view value) {
    std::optional<std::string_view>* slot = nullptr;
    if (EqualsIgnoreCase(name, "class")) slot = &attributes->class_names;
    else if (EqualsIgnoreCase(name, "id")) slot = &attributes->id;
    else if (EqualsIgnoreCase(name, "lang")) slot = &attributes->lang;
    else if (EqualsIgnoreCase(name, "xml:lang")) slot = &attributes->xml_lang;
    else if (EqualsIgnoreCase(name, "name")) slot = &attributes->name;
    else if (EqualsIgnoreCase(name, "property")) slot = &attributes->property;
    else if (EqualsIgnoreCase(name, "content")) slot = &attributes->content;
    if (slot && !*slot) *slot = value;
}

struct OpenElement {
    std::string name;           // lower-case
    uint32_t flags = 0;
    bool inert = false;         // opened inside dropped content: no effect at either end
    bool drops = false;         // the root of dropped content
    bool tentative = false;     // furniture by class or id, or a form: owns the top TentativeDrop
    bool captures_h1 = false;   // the first <h1>, whose text may become the title
    size_t pre_mark = 0;        // Out.size() when this <pre> opened: its trailing whitespace is trimmed to here
    size_t h1_mark = 0;         // Out.size() when this <h1> opened
};

// The text of an element that is probably furniture, written but cut again at its end unless it turned out to
// hold the article.
struct TentativeDrop {
    std::string label;                  // "div.share-bar", "form"
    bool is_form = false;
    size_t out_mark = 0;                // Out.size() at its start: where its text is cut back to
    int pending_newlines = 0;           // the writer's state at out_mark, restored with the cut
    bool pending_space = false;
    size_t landmarks_before = 0;        // LandmarkCount at its start
    std::vector<std::string> dropped;   // removals inside it, reported only if it is kept
};

// "812 bytes", "15.2 KiB", "300.0 MiB"
std::string FormatBytes(size_t bytes) {
    char buffer[32];
    double kib = static_cast<double>(bytes) / 1024.0;
    if (bytes < 1024) std::snprintf(buffer, sizeof buffer, "%zu bytes", bytes);
    else if (kib < 1024.0) std::snprintf(buffer, sizeof buffer, "%.1f KiB", kib);
    else std::snprintf(buffer, sizeof buffer, "%.1f MiB", kib / 1024.0);
    return buffer;
}

// Text without markup: entities decoded, whitespace collapsed within lines, line breaks kept and blank lines
// turned into single paragraph breaks.
std::string PlainText(std::string_view input) {
    std::string decoded, out;
    DecodeEntitiesTo(input, &decoded);
    int newlines = 0;
    bool space = false;
    for (size_t i = 0; i < decoded.size(); ++i) {
        char c = decoded[i];
        if (c == '\r' && i + 1 < decoded.size() && decoded[i + 1] == '\n') continue;
        if (c == '\n' || c == '\r') { ++newlines; continue; }
        if (IsHtmlSpace(c)) { space = true; continue; }
        if (IsNbspAt(decoded, i)) { space = true; ++i; continue; }
        if (!out.empty()) {
            if (newlines > 0) out.append(static_cast<size_t>(std::min(newlines, 2)), '\n');
            else if (space) out.push_back(' ');
        }
        newlines = 0;
        space = false;
        out.push_back(c);
    }
    return out;
}

// One pass over a page. Lexing calls the On* handlers; they keep the stack of open elements, and Open/Close
// apply each element's effect on the text (a drop, a paragraph, a <pre>) through the writer (Break, Space,
// Append*), which writes separators only when the next visible character arrives.
class HtmlExtractor {
public:
    explicit HtmlExtractor(std::string_view html) : Html(html) {}
    HtmlDocument Run();

private:
    // Lexing. Each returns the offset after what it read; LexMarkup returns 0 when the '<' is text.
    size_t LexMarkup(size_t at);
    size_t LexStartTag(size_t at);
    size_t SkipComment(size_t from) const;
    size_t SkipPast(char c, size_t from) const;
    size_t FindRawTextEnd(size_t from, std::string_view name) const;
    void EmitTextBefore(size_t at);

    // Tree building.
    void OnText(std::string_view text, bool decode);
    void OnStartTag(std::string name, uint32_t flags, const TagAttributes& attributes, bool self_closing);
    void OnRawTextElement(const std::string& name, uint32_t flags, const TagAttributes& attributes,
                          std::string_view content);
    void OnEndTag(const std::string& name);
    void OnMeta(const TagAttributes& attributes);
    void CloseImplied(std::string_view name, uint32_t flags);
    bool PopToInScope(std::string_view name);
    void PopToNearest(std::initializer_list<std::string_view> names, std::initializer_list<std::string_view> stops);
    void PopTo(size_t depth);
    void Open(OpenElement* element, const TagAttributes& attributes);
    void Close(const OpenElement& element);
    bool ResolveTentative();
    void CountDropped(const std::string& label);

    // Writing.
    void Separate(uint32_t flags);
    void Break(int newlines);
    void Space();
    void LineBreak();
    void FlushPending();
    void AppendCollapsed(std::string_view text);
    void AppendPre(std::string_view text);
    void AppendPreNewline();

    std::string_view Html;
    size_t TextBegin = 0;                   // start of the text not yet handed to OnText
    bool SawMarkup = false;                 // false: the input is plain text

    std::vector<OpenElement> Stack;
    std::vector<TentativeDrop> Tentatives;  // one per open tentative element, innermost last
    std::vector<std::pair<std::string, size_t>> DroppedCounts;  // label → count, first seen first
    int DropDepth = 0;                      // open elements being dropped; > 0 means nothing is written
    int PreDepth = 0;
    int ListDepth = 0;
    int SectioningDepth = 0;
    size_t LandmarkCount = 0;               // article, main and h1 elements opened (and not dropped) so far

    std::string Out;                        // the text; never ends with whitespace outside an open <pre>
    int PendingNewlines = 0;                // separator owed before the next character: 0–2 newlines …
    bool PendingSpace = false;              // … or else a space
    std::string Scratch;                    // entity-decoded text run

    std::string TitleTag, H1Title, Lang;
    bool SawHtmlTag = false;
    std::vector<HtmlMeta> Meta;
};

HtmlDocument HtmlExtractor::Run() {
    size_t n = Html.size(), i = 0;
    while (i < n) {
        size_t lt = Html.find('<', i);
        if (lt == std::string_view::npos) break;
        size_t end = LexMarkup(lt);
        if (end == 0) {
            i = lt + 1;
            continue;
        }
        TextBegin = i = end;
    }
    EmitTextBefore(n);
    PopTo(0);
    assert(Tentatives.empty() && DropDepth == 0 && PreDepth == 0);

    HtmlDocument document;
    if (!SawMarkup) {
        document.text = PlainText(Html);
        return document;
    }
    document.text = std::move(Out);
    document.lang = std::move(Lang);
    document.title = TitleTag;
    for (const HtmlMeta& meta : Meta)
        if (document.title.empty() && meta.key == "og:title") document.title = meta.value;
    if (document.title.empty()) document.title = H1Title;
    document.meta = std::move(Meta);
    for (const auto& [label, count] : DroppedCounts)
        document.dropped.push_back(label + " ×" + std::to_string(count));
    return document;
}

// ---- Lexing ----

void HtmlExtractor::EmitTextBefore(size_t at) {
    if (at > TextBegin) OnText(Html.substr(TextBegin, at - TextBegin), /*decode=*/true);
    TextBegin = at;
}

size_t HtmlExtractor::SkipPast(char c, size_t from) const {
    size_t at = Html.find(c, from);
    return at == std::string_view::npos ? Html.size() : at + 1;
}

// After "<!--": HTML5 ends a comment at "-->" or "--!>", and takes "<!-->" and "<!--->" as empty comments.
// An unclosed comment runs to the end, as in browsers.
size_t HtmlExtractor::SkipComment(size_t from) const {
    size_t n = Html.size();
    if (from < n && Html[from] == '>') return from + 1;
    if (Html.substr(from, 2) == "->") return from + 2;
    for (size_t i = Html.find("--", from); i != std::string_view::npos; i = Html.find("--", i + 1)) {
        if (i + 2 < n && Html[i + 2] == '>') return i + 3;
        if (Html.substr(i + 2, 2) == "!>") return i + 4;
    }
    return n;
}

size_t HtmlExtractor::LexMarkup(size_t at) {
    size_t n = Html.size();
    if (at + 1 >= n) return 0;
    char c = Html[at + 1];
    if (c == '!' || c == '?') {
        EmitTextBefore(at);
        SawMarkup = true;
        if (Html.substr(at + 1, 3) == "!--") return SkipComment(at + 4);
        if (Html.substr(at + 1, 8) == "![CDATA[") {
            size_t close = Html.find("]]>", at + 9);
            size_t content_end = close == std::string_view::npos ? n : close;
            OnText(Html.substr(at + 9, content_end - (at + 9)), /*decode=*/false);
            return close == std::string_view::npos ? n : close + 3;
        }
        return SkipPast('>', at + 2);   // <!DOCTYPE …>, <?xml …?> and other bogus comments
    }
    if (c == '/') {
        if (at + 2 < n && Html[at + 2] == '>') {   // "</>" is ignored
            EmitTextBefore(at);
            SawMarkup = true;
            return at + 3;
        }
        if (at + 2 >= n || !IsAsciiAlpha(Html[at + 2])) return 0;
        EmitTextBefore(at);
        SawMarkup = true;
        size_t i = at + 2;
        while (i < n && !IsHtmlSpace(Html[i]) && Html[i] != '/' && Html[i] != '>') ++i;
        std::string name = ToLowerAscii(Html.substr(at + 2, i - (at + 2)));
        size_t gt = Html.find('>', i);
        if (gt == std::string_view::npos) return n;   // an end tag cut off by the end of the file is dropped
        OnEndTag(name);
        return gt + 1;
    }
    if (!IsAsciiAlpha(c)) return 0;   // "a < b", "<3", "<=": text
    EmitTextBefore(at);
    SawMarkup = true;
    return LexStartTag(at);
}

size_t HtmlExtractor::LexStartTag(size_t at) {
    size_t n = Html.size(), i = at + 1;
    while (i < n && !IsHtmlSpace(Html[i]) && Html[i] != '/' && Html[i] != '>') ++i;
    std::string name = ToLowerAscii(Html.substr(at + 1, i - (at + 1)));
    TagAttributes attributes;
    bool self_closing = false;
    for (;;) {
        while (i < n && IsHtmlSpace(Html[i])) ++i;
        if (i >= n) return n;   // the file ends inside the tag: HTML5 drops it
        if (Html[i] == '>') {
            ++i;
            break;
        }
        if (Html[i] == '/') {
            self_closing = i + 1 < n && Html[i + 1] == '>';
            ++i;
            continue;
        }
        size_t name_begin = i++;   // HTML5 lets an attribute name start with '='
        while (i < n && !IsHtmlSpace(Html[i]) && Html[i] != '/' && Html[i] != '>' && Html[i] != '=') ++i;
        std::string_view attribute = Html.substr(name_begin, i - name_begin);
        while (i < n && IsHtmlSpace(Html[i])) ++i;
        std::string_view value;
        if (i < n && Html[i] == '=') {
            ++i;
            while (i < n && IsHtmlSpace(Html[i])) ++i;
            if (i < n && (Html[i] == '"' || Html[i] == '\'')) {
                size_t close = Html.find(Html[i], i + 1);
                if (close == std::string_view::npos) return n;
                value = Html.substr(i + 1, close - (i + 1));
                i = close + 1;
            } else {
                size_t value_begin = i;
                while (i < n && !IsHtmlSpace(Html[i]) && Html[i] != '>') ++i;
                value = Html.substr(value_begin, i - value_begin);
            }
        }
        SetAttribute(&attributes, attribute, value);
    }

    uint32_t flags = TagFlags(name);
    if (!(flags & kRawText)) {
        OnStartTag(std::move(name), flags, attributes, self_closing);
        return i;
    }
    if (self_closing) {
        OnRawTextElement(name, flags, attributes, {});
        return i;
    }
    size_t close = FindRawTextEnd(i, name);
    size_t content_end = close == std::string_view::npos ? n : close;
    OnRawTextElement(name, flags, attributes, Html.substr(i, content_end - i));
    return close == std::string_view::npos ? n : SkipPast('>', close + 2 + name.size());
}

// The "</name" (any case, followed by whitespace, '/' or '>') that ends raw text, or npos.
size_t HtmlExtractor::FindRawTextEnd(size_t from, std::string_view name) const {
    size_t n = Html.size();
    for (size_t i = Html.find("</", from); i != std::string_view::npos; i = Html.find("</", i + 2)) {
        size_t after = i + 2 + name.size();
        if (after > n) break;
        if (!EqualsIgnoreCase(Html.substr(i + 2, name.size()), name)) continue;
        if (after == n || IsHtmlSpace(Html[after]) || Html[after] == '/' || Html[after] == '>') return i;
    }
    return std::string_view::npos;
}

// ---- Tree building ----

void HtmlExtractor::OnText(std::string_view text, bool decode) {
    if (DropDepth > 0 || text.empty()) return;
    if (decode && text.find('&') != std::string_view::npos) {
        Scratch.clear();
        DecodeEntitiesTo(text, &Scratch);
        text = Scratch;
    }
    if (PreDepth > 0) AppendPre(text);
    else AppendCollapsed(text);
}

void HtmlExtractor::OnStartTag(std::string name, uint32_t flags, const TagAttributes& attributes,
                               bool self_closing) {
    CloseImplied(name, flags);
    if (name == "html" && !SawHtmlTag) {
        SawHtmlTag = true;
        if (attributes.lang || attributes.xml_lang) Lang = DecodeAndCollapse(attributes.lang ? *attributes.lang
                                                                                             : *attributes.xml_lang);
    }
    if (flags & kVoid) {
        if (name == "br") LineBreak();
        else if (name == "hr") Break(2);
        else if (name == "meta") OnMeta(attributes);
        return;
    }
    if (Stack.size() >= kMaxDepth) PopTo(kMaxDepth - 1);
    OpenElement element;
    element.name = std::move(name);
    element.flags = flags;
    Stack.push_back(std::move(element));
    Open(&Stack.back(), attributes);
    if (self_closing) PopTo(Stack.size() - 1);
}

void HtmlExtractor::OnRawTextElement(const std::string& name, uint32_t flags, const TagAttributes& attributes,
                                     std::string_view content) {
    CloseImplied(name, flags);
    OpenElement element;
    element.name = name;
    element.flags = flags;
    Open(&element, attributes);
    if (!element.inert && !element.drops) {
        if (name == "title") {
            if (TitleTag.empty()) TitleTag = DecodeAndCollapse(content);
        } else if (flags & kPre) {
            OnText(content, /*decode=*/false);   // <xmp>: literal, whitespace kept
        }
    }
    Close(element);
}

void HtmlExtractor::OnEndTag(const std::string& name) {
    if (name == "br") {   // </br> reads as <br>, as in browsers
        LineBreak();
        return;
    }
    if (name == "p") {    // </p> without an open <p> still ends a paragraph
        if (!PopToInScope("p")) Break(2);
        return;
    }
    uint32_t flags = TagFlags(name);
    bool table_part = name == "table" || name == "tbody" || name == "thead" || name == "tfoot" || name == "tr";
    for (size_t i = Stack.size(); i-- > 0;) {
        const OpenElement& open = Stack[i];
        if (open.name == name || ((flags & kHeading) && (open.flags & kHeading))) {
            PopTo(i);
            return;
        }
        bool in_cell = open.name == "td" || open.name == "th" || open.name == "caption";
        if ((open.flags & kScope) && !(table_part && in_cell)) return;
        if (!(flags & kSpecial) && (open.flags & kSpecial)) return;   // </span> does not close a <div>
    }
}

void HtmlExtractor::OnMeta(const TagAttributes& attributes) {
    if (DropDepth > 0 || !attributes.content) return;
    std::string key;
    if (attributes.name) key = ToLowerAscii(CollapseWhitespace(*attributes.name));
    if (key.empty() && attributes.property) key = ToLowerAscii(CollapseWhitespace(*attributes.property));
    if (key.empty()) return;
    Meta.push_back({std::move(key), DecodeAndCollapse(*attributes.content)});
}

// The end tags HTML5 implies when an element starts: a block closes an open <p>, <li> an open <li>, and so on.
void HtmlExtractor::CloseImplied(std::string_view name, uint32_t flags) {
    if (flags & kClosesP) PopToInScope("p");
    if (name == "li") PopToNearest({"li"}, {});
    else if (name == "dt" || name == "dd") PopToNearest({"dt", "dd"}, {});
    else if (name == "tr") PopToNearest({"tr"}, {"table", "template", "html"});
    else if (name == "td" || name == "th") PopToNearest({"td", "th"}, {"tr", "table", "template", "html"});
    else if (name == "button") PopToInScope("button");
    else if ((flags & kHeading) && !Stack.empty() && (Stack.back().flags & kHeading)) PopTo(Stack.size() - 1);
    else if (name == "option" && !Stack.empty() && Stack.back().name == "option") PopTo(Stack.size() - 1);
}

// Closes the nearest open `name` unless a scope boundary (table, cell, button…) comes first.
bool HtmlExtractor::PopToInScope(std::string_view name) {
    for (size_t i = Stack.size(); i-- > 0;) {
        if (Stack[i].name == name) {
            PopTo(i);
            return true;
        }
        if (Stack[i].flags & kScope) return false;
    }
    return false;
}

// Closes the nearest open element named in `names`. With `stops` empty the search ends at any special
// element except address, div and p (HTML5's rule for <li>, <dt>, <dd>); otherwise at the elements in `stops`.
void HtmlExtractor::PopToNearest(std::initializer_list<std::string_view> names,
                                 std::initializer_list<std::string_view> stops) {
    for (size_t i = Stack.size(); i-- > 0;) {
        const OpenElement& open = Stack[i];
        if (std::find(names.begin(), names.end(), open.name) != names.end()) {
            PopTo(i);
            return;
        }
        if (stops.size() > 0) {
            if (std::find(stops.begin(), stops.end(), open.name) != stops.end()) return;
        } else if ((open.flags & kSpecial) && open.name != "address" && open.name != "div" && open.name != "p") {
            return;
        }
    }
}

void HtmlExtractor::PopTo(size_t depth) {
    while (Stack.size() > depth) {
        OpenElement element = std::move(Stack.back());
        Stack.pop_back();
        Close(element);
    }
}

void HtmlExtractor::Open(OpenElement* element, const TagAttributes& attributes) {
    if (DropDepth > 0) {
        element->inert = true;
        return;
    }
    uint32_t flags = element->flags;
    if ((flags & kDrop) || ((flags & kBanner) && SectioningDepth == 0)) {
        if (IsVisibleWhenDropped(element->name)) {
            Separate(flags);
            Space();
        }
        element->drops = true;
        ++DropDepth;
        CountDropped(element->name);
        return;
    }
    Separate(flags);
    std::string label;
    if (flags & kForm) {
        label = "form";
    } else if (!(flags & kNoClassDrop)) {
        std::string_view by_class = attributes.class_names ? FurnitureName(*attributes.class_names) : "";
        std::string_view by_id = attributes.id ? FurnitureName(*attributes.id) : "";
        if (!by_class.empty()) label = element->name + "." + std::string(by_class);
        else if (!by_id.empty()) label = element->name + "#" + std::string(by_id);
    }
    // Counted before a tentative drop starts, so an <h1 class="sidebar-title"> does not rescue itself.
    if (flags & kLandmark) ++LandmarkCount;
    if (!label.empty()) {
        element->tentative = true;
        TentativeDrop drop;
        drop.label = std::move(label);
        drop.is_form = (flags & kForm) != 0;
        drop.out_mark = Out.size();
        drop.pending_newlines = PendingNewlines;
        drop.pending_space = PendingSpace;
        drop.landmarks_before = LandmarkCount;
        Tentatives.push_back(std::move(drop));
    }
    if (flags & kSectioning) ++SectioningDepth;
    if (flags & kList) ++ListDepth;
    if (flags & kPre) {
        ++PreDepth;
        element->pre_mark = Out.size();
    }
    if (element->name == "h1" && H1Title.empty()) {
        element->captures_h1 = true;
        element->h1_mark = Out.size();
    }
}

void HtmlExtractor::Close(const OpenElement& element) {
    if (element.inert) return;
    uint32_t flags = element.flags;
    if (element.drops) {
        --DropDepth;   // the separator written when it opened is still pending: nothing was written since
        return;
    }
    if (flags & kPre) {
        while (Out.size() > element.pre_mark && IsHtmlSpace(Out.back())) Out.pop_back();
        --PreDepth;
    }
    bool kept = element.tentative ? ResolveTentative() : true;
    if (kept && element.captures_h1 && H1Title.empty())
        H1Title = CollapseWhitespace(std::string_view(Out).substr(element.h1_mark));
    if (flags & kSectioning) --SectioningDepth;
    if (flags & kList) --ListDepth;
    Separate(flags);
}

// Decides the innermost tentative drop at its element's end: kept when it held a landmark (article, main, h1)
// or, for a form, kFormTextBytes of text; otherwise its text is cut and it is counted as dropped.
bool HtmlExtractor::ResolveTentative() {
    assert(!Tentatives.empty());
    TentativeDrop drop = std::move(Tentatives.back());
    Tentatives.pop_back();
    bool kept = LandmarkCount > drop.landmarks_before ||
                (drop.is_form && Out.size() - drop.out_mark >= kFormTextBytes);
    if (kept) {
        for (const std::string& label : drop.dropped) CountDropped(label);
        return true;
    }
    Out.resize(drop.out_mark);
    PendingNewlines = drop.pending_newlines;
    PendingSpace = drop.pending_space;
    Space();
    CountDropped(drop.label);
    return false;
}

void HtmlExtractor::CountDropped(const std::string& label) {
    if (!Tentatives.empty()) {   // reported only if the enclosing tentative element is kept
        Tentatives.back().dropped.push_back(label);
        return;
    }
    for (auto& [seen, count] : DroppedCounts)
        if (seen == label) {
            ++count;
            return;
        }
    DroppedCounts.emplace_back(label, 1);
}

// ---- Writing ----

// The separator an element's start or end puts between the text before and after it.
void HtmlExtractor::Separate(uint32_t flags) {
    if (flags & kParagraph) Break(2);
    else if (flags & kLine) Break(1);
    else if (flags & kList) Break(ListDepth > 0 ? 1 : 2);
    else if (flags & kCell) Space();
}

void HtmlExtractor::Break(int newlines) {
    if (DropDepth > 0 || Out.empty()) return;   // nothing before it: the text is trimmed
    PendingNewlines = std::max(PendingNewlines, newlines);
}

void HtmlExtractor::Space() {
    if (DropDepth > 0 || Out.empty()) return;
    PendingSpace = true;
}

// <br>: a line break; a second one in a row makes a paragraph break.
void HtmlExtractor::LineBreak() {
    if (DropDepth > 0 || Out.empty()) return;
    if (PreDepth > 0) {
        FlushPending();
        AppendPreNewline();
        return;
    }
    PendingNewlines = std::min(PendingNewlines + 1, 2);
}

void HtmlExtractor::FlushPending() {
    if (!Out.empty()) {
        if (PendingNewlines > 0) {
            int have = 0;   // newlines a <pre> already wrote count towards the separator
            for (size_t i = Out.size(); i > 0 && Out[i - 1] == '\n' && have < 2; --i) ++have;
            for (; have < PendingNewlines; ++have) Out.push_back('\n');
        } else if (PendingSpace && Out.back() != ' ' && Out.back() != '\n') {
            Out.push_back(' ');
        }
    }
    PendingNewlines = 0;
    PendingSpace = false;
}

void HtmlExtractor::AppendCollapsed(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        if (IsHtmlSpace(text[i])) {
            Space();
            continue;
        }
        if (IsNbspAt(text, i)) {
            ++i;
            Space();
            continue;
        }
        if (PendingNewlines > 0 || PendingSpace) FlushPending();
        Out.push_back(text[i]);
    }
}

// Inside <pre>: spaces, tabs and line breaks kept (CRLF and CR read as LF, U+00A0 as a space), except leading
// whitespace of the whole text and a third newline in a row.
void HtmlExtractor::AppendPre(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') continue;
            c = '\n';
        }
        if (IsNbspAt(text, i)) {
            ++i;
            c = ' ';
        }
        if (Out.empty() && IsHtmlSpace(c)) continue;
        if (PendingNewlines > 0 || PendingSpace) FlushPending();
        if (c == '\n') AppendPreNewline();
        else Out.push_back(c);
    }
}

void HtmlExtractor::AppendPreNewline() {
    if (Out.empty() || Out.ends_with("\n\n")) return;
    Out.push_back('\n');
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    DecodeEntitiesTo(text, &out);
    return out;
}

core::Result<HtmlDocument> ExtractHtml(std::string_view utf8, size_t max_bytes) {
    if (utf8.size() > max_bytes) {
        std::string size = FormatBytes(utf8.size()), limit = FormatBytes(max_bytes);
        if (size == limit) {   // rounding hid the difference
            size = std::to_string(utf8.size()) + " bytes";
            limit = std::to_string(max_bytes) + " bytes";
        }
        return core::Error(core::StatusCode::InvalidInput, "the HTML page is " + size + ", more than the " + limit +
                                                               " one page may have: split it into smaller files");
    }
    assert(FindInvalidUtf8(utf8) == std::string_view::npos && "ExtractHtml takes UTF-8: decode the page first");
    return HtmlExtractor(utf8).Run();
}

}  // namespace text
