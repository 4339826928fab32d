"""Keywords for languages read only in part (cs, sk, hr, sl, el, bg, ro, lt, ja, zh): enough to
spot the request, never enough to answer it automatically.
"""

from __future__ import annotations

CUES: dict[str, tuple[str, ...]] = {
    "access": (
        r"\b(?:pristup|pristupu) k (?:mym |svym )?osobnim udaj",  # cs, sk
        r"\bzad\w* o pristup\b|\bzahtjev\w* za pristup\b|\bzahtijevam pristup\b",  # cs, hr
        r"\bζητω προσβαση\b|\bπροσβαση στα (?:προσωπικα )?δεδομενα\b",  # el
        r"\bдостъп до (?:моите )?(?:лични )?данни\b|\bискане за достъп\b",  # bg
        r"\bcerere de acces\b|\bsolicit (?:accesul|o copie)\b",  # ro
        r"\bprieiga prie (?:mano )?duomenu\b",  # lt
        r"開示(?:を)?(?:請求|要求)|データアクセス要求|アクセス要求",  # ja
        r"查阅|访问请求|数据访问|获取.{0,6}副本",  # zh
    ),
    "rectification": (
        r"\boprav[ua] (?:\w+ )?osobnich udaj|\bzad\w* o opravu\b",
        r"\bispravak\b|\bispravljanje\b",
        r"\bδιορθωσ\w+\b|\bδιορθωσω\b",
        r"\bкоригиране\b|\bпоправка на\b",
        r"\brectificare\w*\b",
        r"\bistaisy\w*\b",
        r"訂正",
        r"更正|改正我的",
    ),
    "erasure": (
        r"\b(?:vymaz\w*|smazani) (?:vsech |mych )?osobnich udaj|\bzad\w* o (?:vymaz|smazani)",
        r"\bbrisanje\b|\bizbrisete\b",
        r"\bδιαγραφη\b|\bδιαγραψτε\b",
        r"\bизтриване\b|\bизтриете\b|\bзаличаване\b",
        r"\bstergere\w*\b|\bsterge\w*\b",
        r"\bistrin\w*\b|\bsunaikint\w*\b",
        r"削除|消去",
        r"删除",
    ),
    "restriction": (
        r"\bomezili zpracovani\b|\bomezeni zpracovani\b",
        r"\bogranicite obradu\b|\bogranicenje obrade\b",
        r"\bπεριορισ\w+ (?:της |την )?επεξεργασια\w*\b",
        r"\bограничаване на обработването\b",
        r"\brestrictionare\w*\b|\brestrictioneze\b",
        r"処理の制限|利用の制限",
        r"限制处理",
    ),
    "portability": (
        r"\bprenositelnost\w*\b|\bprenosivost\w*\b|\bφορητοτητα\b|\bпреносимост\b",
        r"\bportabilitate\w*\b|\bperkeliamum\w*\b",
        r"\bstrojove citeln\w*|\bstrojno citljiv\w*|\bμηχανικα αναγνωσιμ\w*|\bмашинно четим\w*",
        r"\bformat structurat\b",
    ),
    "objection": (
        r"\bvznasim namitku\b|\bnamitku proti\b",
        r"\bprotivim se\b|\bulazem prigovor\b",
        r"\bαντιτιθεμαι\b|\bεναντιωνομαι\b",
        r"\bвъзразявам\b|\bпротивопоставям се\b",
        r"\bma opun\b|\bopozitie\b",
        r"\bnesutinku\b|\bprieštarauju\b|\bpriestarauju\b",
        r"利用停止|第三者提供の停止|異議",
        r"我反对|拒绝.{0,4}处理",
    ),
    "legal_basis": (
        r"\bpravni zaklad\w*|\bνομικη βαση\b|\bправно основание\b",
        r"\btemei\w* juridic\b|\bteisinis pagrindas\b|\bkokiomis salygomis\b",
        r"法的根拠|法律依据",
    ),
    "marketing_objection": (
        r"\b(?:namitk|stiznost|protiv|prigovor|αντιτιθ|възраз|opun|opozit)\w*\b[^.;]{0,140}"
        r"(?:marketing|μαρκετινγκ|маркетинг)",
    ),
    "request": (
        r"\bgdpr\b",
        r"\brgpd\b",
        r"\bbdar\b",
        r"\bγκπδ\b",
        r"\bорзд\b",
        r"個人情報",
        r"个人信息",
    ),
}

STOP_WORDS: tuple[str, ...] = ()
