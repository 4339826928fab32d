"""Polish: dostęp, usunięcie, sprzeciw, wypisanie."""

from __future__ import annotations

_PERSON = r"(?:klient\w*|matki|ojca|syna|corki|dziecka|zony|meza|mocodawc\w+)"

CUES: dict[str, tuple[str, ...]] = {
    "access": (
        r"\bkopii (?:moich |jego |jej )?akt osobowych\b",
        r"\bprawo dostepu\b",
        r"\bdostep(?:u)? do (?:moich )?(?:\w+ )?danych\b",
        r"\bkopi\w* (?:moich )?(?:\w+ )?danych\b",
        r"\bjakie dane (?:osobowe )?(?:\w+ ){0,3}(?:na moj temat|o mnie|mnie dotycz)",
        r"\b(?:zadanie|wniosek o) dostep\w*\b",
    ),
    "rectification": (
        r"\bprosze (?:o )?(?:poprawic|poprawienie|zmienic|zmiane|zaktualizowac|aktualizacje) "
        r"(?:moje |moich )?dan\w*",
        r"\bpoprawieni\w* (?:tych |moich )?danych\b",
        r"\bsprostowani\w*\b",
        r"\bpoprawieni\w* (?:moich )?danych\b|\bpoprawic moje dane\b",
        r"\bnieprawidlowe dane\b",
    ),
    "erasure": (
        r"\b(?:usunac|wyciac) (?:albo |lub |i )?(?:usunac |wyciac )?mnie z\b|\bwytnijcie mnie\b",
        r"\busuniec\w* (?:\w+ ){0,2}danych\b",
        r"\busun\w* (?:\w+ )?(?:moje|wszystkie) (?:\w+ )?dane\b",
        r"\bprawo do bycia zapomnianym\b",
        r"\busun\w* (?:moje )?(?:konto|cv|profil)\b",
        r"\busuni\w* (?:\w+ ){0,5}(?:moich|mojego|moje) (?:\w+ )?(?:danych|konta|dane|konto)\b",
    ),
    "restriction": (
        r"\bograniczeni\w* przetwarzania\b",
        r"\bogranicz\w* przetwarzani\w*\b",
        r"\bwstrzyma\w* (?:wykorzystywania|przetwarzania) (?:moich )?danych\b",
    ),
    "portability": (r"\bprzenoszeni\w* danych\b", r"\bodczytu maszynowego\b"),
    "objection": (
        r"\bnie (?:zbierano|wykorzystywano|przetwarzano|sledzono|udostepniano)\b[^.]{0,60}"
        r"\b(?:moj\w*|danych|lokalizacj\w*)",
        r"\b(?:wylaczyc|wylaczcie|wylaczenie|zaprzestac|zaprzestancie|zaprzestanie) (?:\w+ )?"
        r"(?:analizowani\w*|profilowani\w*|sledzeni\w*)",
        r"\btworzon\w* (?:moj|mojego) profil\w*",
        r"\bnie chce byc (?:\w+ )?(?:nagrywan\w*|publikowan\w*|fotografowan\w*)",
        r"\bnie zgadzam sie,? (?:zeby\w*|aby\w*|na) (?:\w+ ){0,3}(?:przekazywa|udostepnia"
        r"|wykorzystywa|przetwarza)\w*",
        r"\bprzesta\w* (?:publikowac|udostepniac|przekazywac|wykorzystywac|sprzedawac) (?:moje"
        r"|moich)\b",
        r"\bnie wyrazam zgody na (?:\w+ )?(?:wykorzystywanie|przetwarzanie|udostepnianie"
        r"|uzywanie)\b",
        r"\bprzestan\w* (?:udostepniac|przekazywac|wykorzystywac|sprzedawac) (?:moje|moich)\b",
        r"\bnie (?:chce|zycze sobie),? (?:aby|zeby|by) (?:\w+ ){0,3}(?:moje|moich|mojego|moja) "
        r"(?:\w+ ){0,4}(?:wykorzyst|uzyw|udostep|przetwarz|analiz|sprzeda)\w*",
        r"\bnie zgadzam sie na (?:dalsze )?(?:wykorzystywanie|przetwarzanie|udostepnianie|"
        r"analizowanie) (?:\w+ )?(?:moich|mojego|moje)\b",
        r"\bwnosze (?:\w+ )?sprzeciw\b",
        r"\bsprzeciw wobec przetwarzania\b",
        r"\bsprzeciwiam sie\b",
    ),
    "objection_weak": (r"\bwycofuje (?:moja |swoja )?zgode\b",),
    "marketing_objection": (r"\bsprzeciw\w*\b[^.;]{0,120}\bmarketing\w*",),
    "optout_email": (
        r"\bnie wysyla\w* (?:mi )?(?:wiecej )?(?:e-?maili|maili|newslettera|wiadomosci e-?mail)",
        r"\bprzesta\w* (?:mi )?wysyla\w* (?:mi )?(?:e-?maili|maili|newslettera|wiadomosci e-?mail)",
        r"\bwypisz(?:cie)? mnie\b|\bwypisac (?:sie|mnie)\b",
        r"\bwypisani\w* (?:mnie |mojego adresu )?z (?:\w+ )?"
        r"(?:newslettera|mailingu|listy|subskrypcji)\b",
        r"\brezygn\w* z (?:subskrypcji|newslettera|mailingu)\b",
        r"\bnie chce (?:\w+ ){0,2}(?:otrzymywac|dostawac) (?:\w+ ){0,2}(?:e-?maili|maili|"
        r"wiadomosci|newslettera)",
    ),
    "optout_phone": (
        r"\bprzesta\w* (?:do mnie |do nas )?(?:juz )?dzwoni\w*",
        r"\b(?:wiecej |juz )?(?:do mnie )?nie dzwoni\w*",
        r"\bnie wysyla\w* (?:mi )?(?:wiecej )?(?:sms\w*)",
        r"\bprzesta\w* (?:mi )?wysyla\w* (?:mi )?(?:sms\w*|wiadomosci sms)",
        r"\bprosze nie dzwonic\b|\bnie dzwoncie\b",
        r"\bprzestancie (?:do mnie )?dzwonic\b",
        r"\bnie (?:chce|zycze sobie) (?:wiecej )?telefon\w*\b",
    ),
    "optout_all": (
        r"\bo niewysylanie (?:mi )?",
        r"\bnie kontaktujcie sie ze mna\b",
        r"\b(?:wiecej|juz) (?:mi )?(?:tego |tych \w+ )?nie wysyla\w*",
        r"\bnie wysyla\w* (?:mi |nam )?(?:juz |wiecej )?(?:\w+ )?(?:ofert\w*|reklam\w*"
        r"|promocj\w*)\b",
        r"\bprzestancie sie ze mna kontaktowac\b",
        r"\bnie zycze sobie (?:kontaktu|reklam|marketingu)\b",
        r"\bzaprzesta\w* (?:wysylania|przesylania) (?:mi )?(?:\w+ )?(?:sms\w*|wiadomosci|e-?maili"
        r"|maili|newslettera|ofert)",
    ),
    "on_behalf": (
        r"\b(?:nekrolog\w*|nagrob\w*|pradziad\w*|prababc\w*)\b",
        rf"\bw imieniu (?:mojego|mojej|naszego|naszej)? ?{_PERSON}\b",
        r"\bpelnomocnik\w*\b",
    ),
    "information": (
        r"\bskad (?:macie|maja panstwo|posiadacie|wzieliscie) (?:moje|moj)\b",
        r"\bkomu (?:przekazaliscie|udostepniliscie|sprzedaliscie) (?:moje )?dane\b",
        r"\bw jakim celu\b|\bkomu (?:je |\w+ )?przekazujecie\b",
        r"\bjak dlugo (?:je |\w+ )?przechowujecie\b",
    ),
    "legal_basis": (r"\bpodstaw\w* prawn\w* przetwarzania\b", r"\bdow\w* (?:mojej )?zgody\b"),
    "automated_decision": (r"\binterwencji ludzkiej\b|\binterwencji czlowieka\b",),
    "request": (r"\bwniosek rodo\b", r"\bna podstawie rodo\b"),
}

STOP_WORDS = ("stop", "wypisz", "wypisz mnie", "rezygnuje")
