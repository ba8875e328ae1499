// The built-in stopword lists (one space-separated literal per language, split once on first use: compact in
// the wasm payload) and the word-shape tests. See stopwords.h.
#include "text/stopwords.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace text {

namespace {

// Function words, in the tokenizer's normal form. French and Italian elisions stay one token in UAX #29
// («c'est», «qu'il»), so the common whole ones are listed; «l'état» is a word of its own and no list holds it.
constexpr std::string_view kLanguages[] = {"en", "ru", "de", "fr", "es", "it", "el", "uk"};
constexpr std::string_view kLists[] = {
    // en
    "a about above across after again against all almost along already also although always am among an and "
    "another any anyone anything are around as at be because been before behind being below beside besides "
    "between beyond both but by can cannot could did do does doing done down during each either else enough "
    "even ever every everyone everything few for from further had has have having he hence her here hers "
    "herself him himself his how however i if in indeed into is it its itself just least less many may me "
    "might mine more moreover most much must my myself neither never no nobody none nor not nothing now of "
    "off often on once one only onto or other others otherwise ought our ours ourselves out over own per "
    "perhaps quite rather same shall she should since so some someone something sometimes still such than "
    "that the their theirs them themselves then there thereby therefore these they this those though through "
    "throughout thus to together too toward towards under unless until up upon us very via was we were what "
    "whatever when whenever where whereas wherever whether which while who whoever whom whose why will with "
    "within without would yet you your yours yourself yourselves "
    "aren't can't couldn't didn't doesn't don't hadn't hasn't haven't he's i'd i'll i'm i've isn't it's "
    "let's she's shouldn't that's there's they'd they'll they're they've wasn't we'd we'll we're we've "
    "weren't what's who's won't wouldn't you'd you'll you're you've",
    // ru
    "а без более будет будто будут бы был была были было быть в вам вами вас ваш ваша ваше ваши ведь вот во "
    "все всё всего всем всеми всех всю вся вы где да даже для до его ее её ей ему если есть еще ещё же за "
    "зачем здесь и из или им именно ими их к каждый как какая какие какой когда кого кому которая которого "
    "которое которой котором которые который которым которых кроме кто ли либо лишь между меня мне мной "
    "может можно мой мои моя мы на над надо нам нами нас наш наша наше наши не него нее неё ней нем нём "
    "нему нет ни нибудь ним ними них но ну нужно о об однако он она они оно от очень перед по под после "
    "потому почему поэтому при про против пусть ради с сам сама сами само свое своё свои своей своих свой "
    "своя себе себя со собой среди так также такой там тебе тебя те тем теми тех то тобой того тогда тоже "
    "той только том тому тот тут ты у уже хотя чего чей чем через что чтоб чтобы чье чьё чья эта эти этим "
    "этими это этого этой этом этот эту я",
    // de
    "aber alle allem allen aller alles als also am an andere anderem anderen anderer anderes auch auf aus bei "
    "beim bin bis bist da dadurch daher damit dann darauf darf darum das dass dein deine dem den denen denn "
    "der deren des dessen deshalb dich die dies diese diesem diesen dieser dieses dir doch dort du durch "
    "dürfen ein eine einem einen einer eines er es etwa euch euer eure für gegen gewesen habe haben habt hast "
    "hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist "
    "ja jede jedem jeden jeder jedes jedoch jene jenem jenen jener jenes kann kein keine keinem keinen keiner "
    "keines können konnte könnte man manche manchem manchen mancher manches mein meine meinem meinen meiner "
    "meines mich mir mit muss musste müssen nach nicht nichts noch nun nur ob oder ohne sehr sei seid sein "
    "seine seinem seinen seiner seines seit sich sie sind so solche solchem solchen solcher solches soll "
    "sollen sollte sondern sonst über um und uns unser unsere unserem unseren unserer unter vom von vor war "
    "waren warst was wäre weil welche welchem welchen welcher welches wenn wer werde werden wie wieder will "
    "wir wird wirst wo wollen wollte worden wurde wurden würde würden zu zum zur zwar zwischen",
    // fr
    "à afin ai aient ainsi alors as au aucun aucune auquel aussi autre autres aux avaient avais avait avant "
    "avec avez avions avoir avons ayant c car ce ceci cela celle celles celui cependant ces cet cette ceux "
    "chacun chaque chez ci comme comment d dans de depuis des dont du elle elles en encore entre es est et "
    "étaient étais était étant été être eu eux ici il ils j je jusqu l la laquelle le lequel les lesquels "
    "leur leurs lors lorsque lui m ma mais me même mêmes mes moi mon n ne ni non nos notre nous on ont ou où "
    "par parce pas peu peut plus pour pourquoi puis qu quand que quel quelle quelles quels qui quoi s sa sans "
    "se selon ses si soi soit son sont sous suis sur t ta te tes toi ton tous tout toute toutes très tu un "
    "une vers vos votre vous y ça "
    "c'est c'était d'un d'une j'ai jusqu'à l'on n'a n'est n'était n'ont n'y qu'elle qu'il qu'ils qu'on s'il",
    // es
    "a al algo alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos aquí así aun aún cada "
    "como cómo con contra cual cuál cuales cuando cuándo cuanto cuyo de del desde donde dónde durante e el él "
    "ella ellas ellos en entre era eran es esa esas ese eso esos esta está están estaba estaban estamos estar "
    "estas este esto estos estoy fue fueron ha había habían haber han has hasta hay he hemos hacia la las le "
    "les lo los más me mi mí mientras mis misma mismas mismo mismos mucho muchos muy nada ni no nos nosotros "
    "nuestra nuestras nuestro nuestros o os otra otras otro otros para pero poco por porque pues puede pueden "
    "que qué quien quién quienes se sea según ser si sí sido siempre sin sino sobre somos son soy su sus "
    "también tan tanto te tener ti tiene tienen toda todas todo todos tu tú tus un una unas uno unos usted "
    "ustedes vosotros y ya yo",
    // it
    "a abbiamo ad agli ai al alla alle allo anche ancora anzi avere aveva avevano c che chi ci cioè come con "
    "contro cosa così cui da dagli dai dal dalla dalle dallo degli dei del della delle dello deve devono di "
    "dopo dove e è ed egli era erano essa esse essere essi esso fa fino fra fu furono già gli ha hai hanno ho "
    "i il in inoltre io la le lei li lo loro lui ma me mentre mi mia mie miei mio molto ne né negli nei nel "
    "nella nelle nello noi non nostra nostre nostri nostro o ogni oppure per perché però più poi possono può "
    "presso proprio qua quale quali qualche quando quanto quasi quella quelle quelli quello questa queste "
    "questi questo qui sarà sarebbe se sé sei sempre senza si sia siamo siano siete solo sono stata state "
    "stati stato stessa stesso su sua sue sui sul sulla sulle suo suoi tra tu tua tue tuo tuoi tuttavia "
    "tutta tutte tutti tutto un una uno verso vi voi vostra vostro c'è",
    // el
    "ακόμα ακόμη αλλά αν ανά από αυτά αυτέσ αυτή αυτήν αυτό αυτοί αυτόν αυτόσ αυτού αυτούσ αυτών αφού γιατί "
    "για δε δεν εάν εγώ εδώ είμαι είμαστε είναι είσαι είστε εκεί εκείνα εκείνη εκείνο εκείνοι εκείνοσ εμάσ "
    "εμείσ ένα έναν ένασ ενόσ ενώ επί επίσησ εσάσ εσείσ εσύ έτσι έχει έχουμε έχουν έχω η ήδη ήμουν ήταν θα "
    "και κάθε κατά κι λοιπόν μα μασ με μέσα μετά μεταξύ μέχρι μη μην μια μία μιασ μόνο μου να ο οι όλα όλεσ "
    "όλη όλο όλοι όλων όμωσ όπου όπωσ οποία οποίεσ οποίο οποίοι οποίοσ οποίου οποίουσ οποίων όσο όταν ότι "
    "ου παρά περί πιο πολύ πού πριν προσ πωσ πώσ σασ σε σου στα στη στην στησ στισ στο στον στου στουσ στων "
    "τα την τησ τι τισ το τον τότε του τουσ των υπό χωρίσ ωσ",
    // uk
    "а або адже але б би бо був буде будуть була були було бути в вам вами вас ваш ваша ваше ваші весь вже ви "
    "від він вона вони воно все всі всього всіх втім де для до є ж же з за зараз зі знову і із й його її "
    "їй їм їх коли котра котре котрі котрий крім куди лише має мають мене мені між ми мій мною мої моя моє "
    "можна на навіть над нам нами нас наш наша наше наші не неї нею ним ними них ні ну о об однак під після "
    "по поки потрібно при про проте саме свій своє свої своя себе собі собою та так також там те тебе тепер "
    "ти ті тобі тобто тоді того тож той тому треба тут у уже хоча хто це цей ці цим цих цієї цього цю ця ще "
    "через чи чим чого що щоб щодо як яка яке який які якщо я",
};
static_assert(std::size(kLanguages) == std::size(kLists));

struct Tables {
    std::array<std::vector<std::string_view>, std::size(kLists)> lists;   // each sorted, unique
    std::vector<std::pair<std::string_view, uint32_t>> masks;               // word → languages, sorted by word
};

const Tables& GetTables() {
    static const Tables tables = [] {
        Tables t;
        for (size_t l = 0; l < std::size(kLists); ++l) {
            std::string_view s = kLists[l];
            auto& words = t.lists[l];
            for (size_t start = 0; start < s.size();) {
                size_t end = std::min(s.find(' ', start), s.size());
                if (end > start) words.push_back(s.substr(start, end - start));
                start = end + 1;
            }
            std::sort(words.begin(), words.end());
            words.erase(std::unique(words.begin(), words.end()), words.end());
            for (std::string_view w : words) t.masks.emplace_back(w, uint32_t{1} << l);
        }
        std::sort(t.masks.begin(), t.masks.end());
        size_t out = 0;   // merge a word's entries from several languages into one mask
        for (size_t i = 0; i < t.masks.size(); ++i) {
            if (out > 0 && t.masks[out - 1].first == t.masks[i].first) t.masks[out - 1].second |= t.masks[i].second;
            else t.masks[out++] = t.masks[i];
        }
        t.masks.resize(out);
        return t;
    }();
    return tables;
}

// The index of a tag's primary language in kLanguages ("en-GB", "EN_us" → en), or -1.
int LanguageIndex(std::string_view tag) {
    size_t end = tag.find_first_of("-_");
    std::string_view primary = tag.substr(0, end);
    if (primary.size() != 2) return -1;
    for (size_t l = 0; l < std::size(kLanguages); ++l) {
        std::string_view name = kLanguages[l];
        bool same = true;
        for (size_t i = 0; i < 2; ++i)
            same = same && (primary[i] | 0x20) == name[i];
        if (same) return static_cast<int>(l);
    }
    return -1;
}

}  // namespace

std::span<const std::string_view> StopwordLanguageList() { return kLanguages; }

std::span<const std::string_view> Stopwords(std::string_view lang) {
    int l = LanguageIndex(lang);
    if (l < 0) return {};
    return GetTables().lists[static_cast<size_t>(l)];
}

uint32_t StopwordLanguageBit(std::string_view lang) {
    int l = LanguageIndex(lang);
    return l < 0 ? 0 : uint32_t{1} << l;
}

std::string StraightApostrophes(std::string_view norm) {
    constexpr std::string_view kCurly = "\u2019";
    std::string straight;
    straight.reserve(norm.size());
    for (size_t i = 0; i < norm.size();) {
        if (norm.substr(i, kCurly.size()) == kCurly) { straight += '\''; i += kCurly.size(); }
        else straight += norm[i++];
    }
    return straight;
}

uint32_t StopwordLanguages(std::string_view norm) {
    std::string straight;   // ICU keeps ’ in «don’t»; the lists write '
    if (norm.find("\u2019") != std::string_view::npos) {
        straight = StraightApostrophes(norm);
        norm = straight;
    }
    const auto& masks = GetTables().masks;
    auto it = std::lower_bound(masks.begin(), masks.end(), norm,
                               [](const auto& entry, std::string_view w) { return entry.first < w; });
    return it != masks.end() && it->first == norm ? it->second : 0;
}

bool HasLetter(std::string_view utf8) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    int32_t length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : (c > 0 && u_isalpha(c))) return true;
    }
    return false;
}

int CodePoints(std::string_view utf8) {
    int n = 0;
    for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

}  // namespace text
