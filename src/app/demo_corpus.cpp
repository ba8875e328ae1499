// The built-in demo texts (original, written for Corpus Lens).
#include "app/demo_corpus.h"

namespace app {

std::vector<store::DocumentInput> DemoDocuments() {
    return {
        {.title = "Press briefing on regional talks", .source = "Demo", .date = "2018-03-23", .lang = "en",
         .text = "Foreign Minister Sergey Lavrov told reporters in Moscow that the talks would resume in Geneva. "
                 "He said both delegations had agreed on an agenda and that experts would meet next week."},
        {.title = "Брифинг о переговорах", .source = "Демо", .date = "2018-03-23", .lang = "ru",
         .text = "СЕРГЕЙ ЛАВРОВ: Мы готовы продолжить диалог. Министр иностранных дел Сергей Лавров сообщил, "
                 "что переговоры возобновятся в Женеве, а эксперты встретятся на следующей неделе."},
        {.title = "Ein Spaziergang durch Berlin", .source = "Demo", .date = "2016-06-17", .lang = "de",
         .text = "Die Straße des 17. Juni führt vom Brandenburger Tor zum Ernst-Reuter-Platz. An der STRASSE "
                 "stehen im Sommer Stände, und am Wochenende ist sie für Autos gesperrt."},
        {.title = "Σημειώσεις από την Αθήνα", .source = "Demo", .date = "2015-12-11", .lang = "el",
         .text = "Η ΣΟΦΙΑ και ο Νίκος περπάτησαν στην Πλάκα. Η σοφία των παλαιών, είπε εκείνη, βρίσκεται "
                 "στους δρόμους της πόλης."},
        {.title = "Notes de lecture", .source = "Démo", .date = "2013-11-30", .lang = "fr",
         .text = "Le café était fermé; nous avons lu au jardin. « La traduction est un dialogue », écrivait-elle, "
                 "« entre deux langues qui ne se ressemblent pas ». Café, cafe et CAFÉ : trois graphies d'un mot."},
        {.title = "How search works here", .source = "Demo", .date = "2026-11-22", .lang = "en",
         .text = "Words are found by Unicode's word boundary rules and compared in a folded form: case, "
                 "compatibility characters such as the ﬁ ligature or ｆｕｌｌ-width letters, and ß versus ss do "
                 "not matter. Everything runs in this page; nothing is sent to a server."},
        {.title = "A State of the Union, briefly", .source = "Demo", .date = "1790-01-08", .lang = "en",
         .text = "Presidents report to Congress on the state of the union. The addresses from 1790 onward form "
                 "a classic corpus for studying how political language changes over two centuries."},
        {.title = "Интервью о языке", .source = "Демо", .date = "2017-02-14", .lang = "ru",
         .text = "Язык меняется вместе с обществом, сказал лингвист. Корпус текстов позволяет увидеть, "
                 "как слова появляются, уходят и меняют значение. Лавров в этом интервью не упоминался."},
    };
}

}  // namespace app
