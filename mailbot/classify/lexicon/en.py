"""English: how people ask for their data rights and to stop marketing, formally or not."""

from __future__ import annotations

_DATA = r"(?:data|infos?|informations?|details|records?|file|profile)"
_YOU = r"(?:(?:you|u|ya)(?:'ve|'d| guys)?|your (?:company|organi[sz]ation|firm|business|team))"
_HOLD = r"(?:have|hold|keep|store|process|collect|got|retain|know)\w*"
_ABOUT = r"(?:on|about|of|concerning|regarding|relating to|for)"
_ERASE = r"(?:delete|erase|remove|destroy|wipe|purge|scrub|get rid of|anonymi[sz]e)"
_NOT_A_LIST = (
    r"(?! (?:manually |please |now |completely )?(?:from|off) (?:your|the|this|all|any) "
    r"(?:\w+ ){0,2}(?:list|lists|newsletters?))"
)
# "Unsubscribe" from a paid plan is cancelling a service, not a marketing opt-out.
_NOT_PAID = (
    r"(?![^.;!?]{0,80}\b(?:charg\w*|refund\w*|billing|payment|per month|a month|membership|plan"
    r"|premium|plus|pro|box|boxes|deliver(?:y|ies)|class(?:es)?|course|lessons?|block)\b)"
)
_PERSON = (
    r"(?:client|clients|mother|father|mum|mom|dad|son|daughter|wife|husband|partner|child"
    r"|children|kid|parent|parents|brother|sister|grandmother|grandfather|relative|spouse"
    r"|employee|member|principal|ward|friend|family member)"
)

CUES: dict[str, tuple[str, ...]] = {
    "access": (
        r"\bcop(?:y|ies) of (?:all |any )?(?:the )?(?:internal )?(?:e-?mails|messages|notes"
        r"|documents|records|correspondence|recordings?|footage|reports?|minutes)\b[^.?!]{0,60}"
        r"\b(?:mention(?:s|ing)? me|about me|of me|of myself)\b",
        r"\bcop(?:y|ies) of (?:my|his|her|their) (?:full |complete |entire |whole )?(?:medical"
        r"|dental|health|clinical|patient|physio\w*|treatment|hospital|personnel|hr|employee"
        r"|employment|training|learner|care|gp) (?:records?|notes|file|files|x-?rays|scans"
        r"|history)\b",
        r"\b(?:know|see|tell me|find out|show me|read) (?:exactly )?what (?:you|they|he|she|the"
        r" \w+) (?:wrote|said|recorded|noted|put|have written|have said) about me\b",
        r"\b(?:see|copy|copies|send (?:me|them|it)|get|receive)\b[^.?!]{0,60}\b(?:interview"
        r" notes|panel(?:'s)? notes|notes (?:the|that the) (?:panel|interviewers?|assessors?)"
        r" (?:made|took|wrote)|scores? i (?:got|received|was given)|assessor'?s? (?:written )?"
        r"(?:comments|notes|feedback)|marking sheets?|personnel (?:file|record)s?|disciplinary"
        r" (?:file|records?|notes))\b",
        r"\bsend me\b[^.?!]{0,40}\breport (?:that|which) (?:went|was sent|you sent) to\b",
        r"\b(?:i'd like|i would like|i want|can i|could i) to see (?:everything|all (?:the )?"
        r"(?:data"
        r"|information))\b",
        r"\bsee what(?:'s| is) in (?:that|the|his|her|my|their) (?:file|record|records|folder"
        r"|notes)\b",
        r"\bsee what you (?:hold|have|keep|store) (?:on|about)\b",
        r"\b(?:i am|i'm|im) entitled to (?:see|a copy of|have|get|know)\b",
        r"\bsee (?:my|his|her|their) (?:whole |full |entire |complete )?(?:file|record|records"
        r"|notes)\b",
        r"\bsee (?:what(?:'s| is| you have| you've got) (?:on|in)|everything (?:on|in)) (?:my|the"
        r"|his|her) (?:\w+ )?(?:file|record|records|account|notes)\b",
        r"\b(?:subject|data|personal data|information) access request\b",
        r"\bsars?\b",
        r"\bdsars?\b",
        r"\bright (?:of|to) access\b",
        r"\baccess (?:to|request for) (?:all )?(?:of )?(?:my|the) (?:personal )?"
        r"(?:data|information|info|records)\b",
        r"\brequest(?:ing)? access (?:according|pursuant|under|to my|to all)\b",
        r"\bcopy of (?:all |any )?(?:of )?my (?:personal )?(?:data|information|info|records|"
        r"details|file)\b",
        r"\bcopy of (?:all |any )?(?:of )?(?:the )?personal (?:data|information)\b",
        rf"\bcopy of (?:all |any )?(?:of )?(?:the )?{_DATA} (?:that |which )?(?:{_YOU} "
        rf"(?:\w+ )?{_HOLD}|about me|on me|concerning me|relating to me)",
        rf"\bwhat (?:personal |private )?{_DATA} (?:do|does|did|have|has) {_YOU} "
        rf"(?:\w+ ){{0,2}}{_HOLD} {_ABOUT} me\b",
        rf"\bwhat (?:personal |private )?{_DATA} {_YOU} (?:\w+ ){{0,2}}{_HOLD} {_ABOUT} me\b",
        rf"\bwhat (?:exactly |actually |else )?(?:do|does) {_YOU} (?:know|have|hold|store) "
        r"(?:on|about) me\b",
        rf"\b(?:send|give|provide|show|tell|e-?mail|forward|disclose|see|know|learn|find out|"
        rf"obtain|receive|request|list|access|have|get)(?: me)?(?: (?:a copy of|a list of|"
        rf"details of|all|everything|what|which|the|of|personal|that|any)){{0,4}} (?:{_DATA}|"
        rf"everything|anything) (?:that |which )?{_YOU} (?:\w+ ){{0,2}}{_HOLD} {_ABOUT} me\b",
        r"\b(?:confirm|inform me|tell me|let me know) (?:whether|if) (?:or not )?(?:you|your "
        r"company) (?:are |is )?(?:\w+ )?(?:process|hold|stor|keep)\w* (?:any )?(?:of )?"
        r"(?:my )?personal data\b",
        r"\bconfirm (?:whether|if) (?:or not )?my personal data\b",
        rf"\b(?:know|tell me|confirm|find out|check) (?:whether|if) {_YOU} (?:\w+ )?(?:hold|have|"
        r"store|process|keep)\w* (?:any )?(?:personal )?(?:data|information|info|details|records) "
        r"(?:about|on|of|for) me\b",
        rf"\b(?:all|any|the) (?:personal )?(?:data|information|records|details) (?:that |which )?"
        rf"{_YOU} (?:\w+ )?(?:hold|have|keep|store|process)\w* (?:on|about|regarding|concerning) "
        r"(?:him|her|them|our client|my client)\b",
        r"\bcopy of (?:all )?(?:of )?(?:his|her|their) (?:personal )?(?:data|information|"
        r"records)\b",
        rf"\b(?:know|tell me|find out|see) (?:exactly |precisely )?what {_YOU} (?:\w+ )?"
        r"(?:know|have"
        r"|hold|store|keep)\w* "
        r"(?:on|about) me\b",
        r"\b(?:wat|wht|whta|what) (?:personal )?(?:data|dat|info|infos|information|infomation|"
        r"details) (?:do|does|d) (?:you|u|ya) (?:\w+ )?(?:hav|hve|hold|keep|store|got)\w* "
        r"(?:on|about|abt) me\b",
        r"\bdownload (?:all )?(?:of )?my (?:personal )?data\b",
        r"\bobtain (?:the following |all )?(?:of )?(?:my )?personal (?:information|data)\b",
    ),
    "rectification": (
        r"\bcorrect (?:the|my) (?:\w+ ){0,2}(?:name|surname|spelling|address|date of birth|title"
        r"|details) (?:on|in) (?:my|the) (?:account|profile|record|records|file|details)\b",
        r"\bmy e-?mail(?: address)? (?:is|was) (?:wrong|incorrect|misspel\w*|spelt wrong)\b",
        r"\b(?:correct|rectify) my account\b",
        r"\b(?:put|set) (?:my|the|his|her) (?:\w+ )?(?:record|records|details|file|data) (?:right"
        r"|straight)\b",
        r"\b(?:correct|amend|fix|update|change) (?:all )?(?:of )?(?:his|her|their) (?:contact "
        r"|personal )?"
        r"(?:details|data|information|name|date of birth)\b",
        r"\brectif(?:y|ied|ying|ication)\b",
        r"\b(?:correct|amend|fix|update|change|rectify) (?:all |any )?(?:of )?my (?:personal "
        r"|incorrect |wrong |inaccurate |outdated |out-of-date )*(?:data|details|information|"
        r"info|record|records|profile|name|surname|date of birth|birth date|title)\b"
        r"(?! (?:picture|photo|pic|image|avatar|banner|background|password|theme|settings)\b)",
        r"\b(?:correct|amend|fix|update|rectify) (?:the )?(?:incorrect|wrong|inaccurate|outdated|"
        r"out-of-date|erroneous) (?:personal )?(?:data|details|information|info|records?|"
        r"entries|entry)\b",
        r"\b(?:my|the) (?:personal )?(?:data|details|information|info|records?|name|date of "
        r"birth) (?:that |which )?(?:you (?:have|hold)(?: on file)? |on file |in your (?:system|"
        r"records|database) )?(?:is|are) (?:wrong|incorrect|inaccurate|out of date|outdated|"
        r"incomplete|misspelt|misspelled|not correct|not accurate)\b",
        r"\b(?:inaccurate|incorrect) personal (?:data|information)\b",
        r"\b(?:inaccurate|incorrect|wrong) (?:personal )?(?:data|details|information) (?:\w+ ){0,2}"
        r"(?:corrected|rectified|amended|fixed|updated)\b",
        r"\bright to (?:have )?(?:\w+ ){0,3}(?:corrected|rectified)\b",
        r"\b(?:spelt|spelled|written|recorded|stored) (?:wrong(?:ly)?|incorrectly) (?:in|on) "
        r"(?:your|the) (?:records?|system|database|files?|account)\b",
        r"\b(?:wrong|incorrect|inaccurate|out of date|outdated) (?:in|on) (?:your|the) "
        r"(?:records?|system|database|files?)\b",
    ),
    "erasure": (
        r"\b(?:delete|erase|destroy|remove) (?:the |any |all )?(?:photos?|pictures?|images?|videos?"
        r"|footage|recordings?) (?:that )?(?:you )?(?:took|taken|made|have|hold) of me\b",
        r"\b(?:do not|don't|dont) want (?:an|my|the|this) account (?:with you )?any ?more\b",
        r"\b(?:want|like|need|wish|get|have) (?:the|my|this|that) (?:old |whole |entire )?"
        r"(?:[\w-]+ )?"
        r"account (?:\w+ )?(?:removed|deleted|erased|gone|wiped|destroyed)\b",
        r"\b(?:don't|do not|dont) want (?:any of )?(?:it|them|my \w+) to exist\b",
        r"\b(?:please )?delete everything\b(?! (?:in|from|on) (?:my|the) (?:cart|basket|order"
        r"|trolley))",
        r"\b(?:delete|erase|remove) (?:the|my) account and (?:all )?(?:of )?(?:my|the) (?:stuff"
        r"|things)\b",
        r"\b(?:everything|every (?:single )?thing|all|anything) (?:that )?you (?:have|hold|keep"
        r"|'ve got|store) (?:on|about) (?:me|him|her|them|us) (?:\w+ )?(?:deleted|erased|removed"
        r"|wiped|gone)\b",
        r"\b(?:want|like|need) (?:my|his|her|their|our) (?:\w+ )?(?:account|data|details|profile"
        r"|information) gone\b",
        r"\b(?:my|his|her|their|our) (?:\w+ ){0,2}(?:details|data|information|records) (?:\w+"
        r" ){0,2}taken (?:off|out of) (?:your|the) (?:\w+ )?(?:system|systems|database|records"
        r"|files)\b",
        r"\b(?:erase|delete|remove|wipe) all (?:of )?(?:them|it) (?:from|off) (?:your|the) "
        r"(?:servers?|systems?|database|cloud)\b",
        r"\b(?:i'd|i would) (?:rather|prefer)(?: that)? you (?:didn't|did not|don't|not) (?:keep"
        r"|store|hold|retain) (?:it|them|my|any|that|copies)\b",
        r"\b(?:me|him|her|them|us) (?:to be |to get )?(?:taken|removed|deleted|wiped|erased) "
        r"(?:completely |permanently |entirely )?(?:off|from|out of) (?:your|the|all your|all of"
        r" your) (?:\w+ )?(?:database|databases|system|systems|records|files|crm|servers?)\b",
        r"\b(?:delete|erase|wipe|destroy|get rid of) (?:the lot|it all|all of it|all that|all of"
        r" that)\b",
        rf"\b{_ERASE} (?:all |any |completely |permanently )?(?:of )?(?:my|our) (?:personal |"
        r"customer |user )?(?:data|datas|informations?|infos?|details|records?|account|accounts"
        r"|profile|application|applications|documents|paperwork|copies|"
        rf"e-?mail address|contact details|personal details|everything|history|file|cv|resume)\b"
        rf"{_NOT_A_LIST}",
        rf"\b{_ERASE} (?:all |any )?(?:of )?(?:the )?(?:personal )?(?:data|information|info"
        r"|details|records|everything|anything|whatever) (?:that |which )?"
        rf"(?:{_YOU} (?:\w+ ){{0,2}}{_HOLD}|{_ABOUT} me|concerning me)\b",
        r"\b(?:all )?my (?:personal )?(?:data|info|information|details|records) (?:\w+ )?(?:gone|"
        r"deleted|erased|removed|wiped)\b",
        r"\bforget (?:about )?me\b",
        rf"\b{_ERASE} (?:it and )?everything (?:connected|linked|related) to (?:him|her|me|them"
        rf"|my \w+)\b",
        r"\bremove me from (?:the |your )?(?:photos|photographs|pictures|images|videos)\b",
        r"\b(?:take|remove) me (?:off|from) (?:the |your )?(?:members?|membership) (?:list"
        r"|register)\b",
        rf"\b{_ERASE} all (?:of )?(?:the |my )?(?:\w+ )?(?:photos|pictures|images|videos|recordings"
        r"|uploads)\b",
        r"\btake (?:me|us) off (?:your|the) (?:\w+ )?(?:records|database|system|files|books"
        r"|register)\b",
        r"\b(?:personal )?(?:data|details|information) (?:\w+ ){0,3}(?:held|kept|stored) "
        r"(?:about|on) (?:me|him|her|them|my \w+)\b[^.]{0,120}\b(?:be )?(?:deleted|erased|removed"
        r"|destroyed)\b",
        r"\b(?:it|they|them|this|that|these|those) (?:could |can |should |would )?all (?:be )?"
        r"(?:removed|deleted|erased|wiped|destroyed) (?:from|off) (?:your|the) (?:\w+ )?(?:files"
        r"|records|systems?|database)\b",
        rf"\b{_ERASE} (?:all )?(?:of )?(?:my|our) {_PERSON}'?s? (?:\w+ )?(?:data|details"
        rf"|information"
        r"|account|profile|records)\b",
        rf"\b{_ERASE}\b[^.;]{{0,40}}\b(?:all )?(?:of )?(?:the |any )?(?:copies|scans|photocopies) "
        r"of my\b",
        r"\b(?:wants?|wanted|like|needs?|have|get) (?:my|his|her|their) (?:\w+ ){0,3}"
        r"(?:account|profile) (?:\w+ ){0,3}(?:deleted|erased|wiped)\b",
        rf"\b{_ERASE} (?:the|my) account and (?:all |any )?(?:of )?(?:the |my )?(?:personal )?"
        r"(?:data|information|details)\b",
        r"\b(?:all )?(?:of )?(?:my|his|her) (?:\w+ )?(?:details|data|information|records) "
        r"(?:\w+ ){0,2}(?:removed|deleted|erased|wiped)\b",
        r"\b(?:my|personal) (?:data|information|details)\b[^.?!]{0,60}\b(?:delete|erase|remove|"
        r"wipe) (?:it|them)(?: all)?\b",
        r"\b(?:data|information|details) (?:about|on|of) me\b[^.?!]{0,80}\b(?:delete|erase|remove|"
        r"wipe) (?:it|them)(?: all)?\b",
        rf"\b{_ERASE} (?:all |any )?(?:of )?(?:the )?personal (?:data|information|details)\b",
        rf"\b{_ERASE} (?:all |any |completely |permanently )?(?:of )?my \w+ (?:account|profile)\b",
        rf"\b{_ERASE} (?:all |every |any )?(?:of )?(?:the )?(?:photos?|pictures?|images?|videos?"
        r"|recordings?|footage|messages|chats) (?:of|with|showing) (?:me|my|him|her|them|\w+)\b",
        r"\btake (?:my|our) (?:\w+ ){0,3}(?:profile|details|data|information|records|results"
        r"|name|photos?|pictures?) (?:\w+ ){0,3}(?:out of|off) (?:your|the|yer) (?:\w+ )?"
        r"(?:database|system|records|files|register|website|site)\b",
        r"\baccount of mine\b[^?!]{0,200}\b(?:get rid of|delete|remove|close|erase) (?:it|that"
        r"|that one|this one)\b",
        r"\btake (?:\w+ ){0,3}down\b[^.?!]{0,60}\b(?:photos?|pictures?|pics|images?|videos?) "
        r"(?:\w+ ){0,3}of me\b",
        rf"\b{_ERASE} (?:all )?(?:of )?\w+'s (?:\w+ )?(?:data|details|information|records?|photos?)"
        r" (?:\w+ ){0,4}(?:from|off|out of) (?:your|the|all your) (?:\w+ )?(?:database|system"
        r"|systems|records|files|books)\b",
        rf"\b{_ERASE} (?:me|myself) (?:completely |entirely |permanently )?(?:from|off|out of) "
        r"(?:your|all your|the|all of your|all|any of your) (?:\w+ )?(?:database|databases|"
        r"system|systems|records|files|crm|servers?|books)\b",
        rf"\b(?:delete|erase|wipe|forget) me\b{_NOT_A_LIST}",
        r"\b(?:delte|delet|dlete|deleate|deleet|errase|remvoe|remov) (?:all |any )?(?:of )?my "
        r"(?:\w+ )?(?:data|dat|info|infos|information|informaton|infomation|infromation|details|"
        r"account|acount|accout|acct|profile)\b",
        r"\b(?:delete|erase|remove) (?:all |any )?(?:of )?my (?:\w+ )?(?:acount|accout|acct|"
        r"informaton|infomation|infromation|informaiton|dat)\b",
        rf"\b{_ERASE} (?:all )?(?:of )?(?:his|her|their) (?:personal )?(?:data|information|"
        r"details|records|account|profile)\b",
        r"\bright (?:to|of) (?:be forgotten|erasure|deletion)\b",
        r"\b(?:erasure|deletion|removal|destruction|anonymi[sz]ation) of (?:all |any )?(?:of )?"
        r"(?:(?:my|the|all|any) )?(?:personal )?(?:data|information|details|records|account|"
        r"customer account)\b",
        r"\b(?:erasure|deletion) request\b",
        r"\brequest(?:ing)? (?:the )?(?:immediate |permanent )?(?:erasure|deletion)\b",
    ),
    "restriction": (
        r"\bset (?:them|it|those|these) aside until\b",
        r"\bwhile you (?:investigate|look into|check|review)\b[^.]{0,40}\b(?:don't|do not|not to)"
        r" (?:report|use|share|pass|process|rely)\b",
        r"\bwhile (?:the )?(?:accuracy|correctness|truth)\b[^.]{0,60}\b(?:challenged|disputed"
        r"|contested"
        r"|checked|verified|investigated)\b[^.]{0,60}\b(?:do not|don't|not to|not) (?:rely on|use"
        r"|share"
        r"|pass|disclose)\b",
        r"\b(?:don't|do not|dont) want (?:it|them|that|this|my|the) (?:[\w-]+ ){0,2}being used "
        r"(?:against me )?for anything\b",
        r"\b(?:don't|do not|dont) use (?:that|this|it|them|my \w+)(?: \w+){0,3} for anything\b",
        r"\bpark (?:it|that|this) until\b",
        r"\b(?:don't|do not|dont) want (?:it|them|that|this|my|the) (?:\w+ ){0,2}used for"
        r" anything\b",
        r"\brestrict(?:ion of|ing)? (?:the |all |any )?(?:further )?(?:processing|use)\b",
        r"\bright to restrict(?:ion)?\b",
        r"\b(?:freeze|suspend|pause|block) (?:the )?(?:processing|use) of my (?:personal )?data\b",
        r"\b(?:freeze|suspend|pause|halt|block) (?:any |all )?(?:use|processing|usage) of my\b",
        r"\b(?:don't|do not|dont) want (?:it|them|my data|my information) used for anything\b",
        r"\b(?:put|place|keep) (?:it|them|my (?:\w+ )?(?:data|information|details|account)) on "
        r"hold\b",
        r"\bkeep (?:it|them|my (?:\w+ )?(?:data|information|account)) (?:\w+ )?(?:stored|parked"
        r"|on file)\b",
        r"\b(?:stop|cease) (?:\w+ )?processing (?:of )?my (?:personal )?data (?:until|while|"
        r"whilst|pending)\b",
    ),
    "portability": (
        r"\bportability\b",
        r"\bmy (?:personal )?data (?:in|as) (?:an? )?(?:csv|json|xml|excel|spreadsheet|portable)\b",
        r"\btake (?:it|them|my data) (?:over )?to (?:a |another |my new )?(?:competitor|provider|"
        r"supplier|company|service)\b",
        r"\bmachine[- ]readable\b",
        r"\bstructured,? commonly[- ]used\b",
        r"\b(?:transfer|transmit|port|move) (?:all )?(?:of )?(?:my|the) (?:personal )?(?:data|"
        r"information|account data) (?:directly )?to (?:another|a new|a different|my new|the "
        r"new|a third)\b",
        r"\b(?:export|download) (?:of )?(?:all )?(?:of )?my (?:personal )?(?:data|information) "
        r"(?:in|as) (?:an? )?(?:csv|json|xml|excel|structured|electronic|portable)\b",
    ),
    "objection": (
        r"\b(?:stop|cease) using (?:my|his|her|their|our) (?:\w+ )?(?:images?|photos?|pictures?"
        r"|photographs?|likeness|faces?|videos?)\b",
        r"\b(?:i'd|i would) (?:rather|prefer) (?:if )?you (?:didn't|did not) (?:keep )?(?:using"
        r"|use)"
        r" my\b",
        r"\b(?:do not|don't|dont) use (?:it|them|that|those|this) (?:again |any ?more )?(?:in|for"
        r"|on)"
        r" (?:any )?(?:future )?(?:print|brochures?|prospectus|adverts?|advertising|marketing"
        r"|leaflets?"
        r"|posters?|website|social media|campaigns?)\b",
        r"\b(?:do not|don't|dont) want (?:you|u|your (?:\w+ )?(?:site|app|company|team|systems?))"
        r" (?:to )?(?:record(?:ing)?|track(?:ing)?|monitor(?:ing)?|profil(?:e|ing)|log(?:ging)?"
        r"|analys(?:e|ing)|analyz(?:e|ing)|follow(?:ing)?) (?:me|my|when|what|where|which|how)\b",
        r"\b(?:do not|don't|dont) (?:upload|send|pass|share|match|sync) my (?:e-?mail|phone"
        r"|contact|details|number|data)[^.;!?]{0,40}\b(?:facebook|instagram|google|meta|tiktok"
        r"|advertis\w*|ad networks?|custom audiences?)\b",
        r"\b(?:don't|do not) want (?:that )?my (?:\w+ )?(?:device|phone|location|car) (?:is |be "
        r"|to be )?"
        r"(?:followed|tracked|monitored|detected)\b",
        r"\b(?:don't|do not) want to be (?:analy[sz]ed|profiled|tracked|targeted|monitored)\b",
        r"\b(?:don't|do not) want my (?:\w+ ){0,2}(?:tracked|analy[sz]ed|profiled|monitored)\b",
        r"\b(?:don't|do not) want (?:mine|my \w+) used for (?:that|this|research|marketing"
        r"|advertising"
        r"|analytics|profiling|statistics|planning)\b",
        r"\b(?:i'd|i would) (?:rather|prefer) (?:if )?(?:you|the \w+|they) (?:didn't|did not|don't"
        r"|stopped) (?:put|publish|post|show|display|use|shar)\w* my\b",
        r"\b(?:grateful|prefer|rather) if my name (?:didn't|did not|doesn't|wasn't|was not) "
        r"(?:go|appear|get (?:published|posted|printed))\b",
        r"\bstop (?:analys|analyz|track|monitor|study|studi|profil)\w* (?:my|me)\b",
        r"\bstop (?:doing )?(?:that |this |the |any |all )?(?:analysis|analysing|analyzing"
        r"|profiling|tracking|personali[sz]ation) (?:on|of) me\b",
        r"\b(?:don't|do not|dont) (?:pass|share|sell|give) (?:my|our) (?:\w+ )?(?:data|details"
        r"|information|number|address|names?)(?: on)? (?:to|with) (?:anyone|anybody|any|other"
        r"|third)\b",
        r"\b(?:stop|cease) (?:publishing|posting|displaying|showing) my (?:\w+ )?(?:data|details"
        r"|name|photos?|pictures?|information)\b",
        r"\b(?:don't|do not|dont|to not|not to) use (?:any |my |the )?(?:pics?|photos?|pictures?"
        r"|images?|videos?) (?:of (?:me|us) )?(?:for|in|on)\b",
        r"\bobject (?:that|to) (?:you )?(?:us(?:e|ing)|publish\w*|post\w*|show\w*) (?:of )?my "
        r"(?:image|photos?|pictures?|face|videos?|name)\b",
        r"\bi (?:do not|don't|dont) (?:authori[sz]e|consent to|agree to) (?:the |you )?(?:use"
        r"|using|processing|sharing|passing)\b",
        r"\b(?:stop|cease) (?:passing|sharing|selling|giving|sending|handing) (?:on )?my (?:\w+"
        r" )?(?:data|details|information|contact details|address|number|e-?mail)\b",
        r"\bi(?: am|'m)?(?: (?!not\b|never\b)\w+){0,3} (?:object|objecting) to\b(?=[^.;!?]{0,100}"
        r"\b(?:process\w*|us(?:e|es|ing)|hold\w*|keep\w*|stor\w*|shar\w*|sell\w*|sold|profil\w*"
        r"|track\w*|analys\w*|market\w*|advert\w*|data|information|details|personal|cookies?"
        r"|contact\w*|e-?mail\w*|call\w*|newsletters?))",
        r"\bi(?: \w+){0,2} object,? (?:under|pursuant to|in accordance with|according to) "
        r"[^.]{0,40}? to (?:the |any |all )?(?:further )?(?:processing|use|profiling)\b",
        r"\b(?:my|this|an?) objection (?:to|against) (?:the |any |all )?(?:further )?"
        r"(?:processing|use|profiling)\b",
        r"\bobjection to (?:the |any |all )?(?:\w+ )?(?:processing|profiling)\b",
        r"\b(?:do not|don't|dont) sell my\b",
        r"\bnot to sell my\b",
        r"\bopt(?:ing)?[- ]out of (?:the )?sale\b",
        r"\b(?:exercise|exercising|invoke|invoking) my right to object\b",
        r"\bright to object\b",
        r"\b(?:stop|cease) (?:using|processing|profiling) (?:my|me)\b",
        r"\bi (?:hereby |now |also |formally )?withdraw (?:my|all my|any) consent\b",
        r"\b(?:don't|do not|dont) want my (?:[\w-]+ ){1,6}(?:used|included|shared|passed on|going"
        r"|sold|analy[sz]ed) (?:in|for|with|to)\b",
        r"\b(?:obect|objct|obejct|objet)\w* to (?:you |your )?(?:\w+ )?(?:us\w*|process\w*"
        r"|profil\w*|track\w*)",
    ),
    "objection_weak": (
        r"\bwithdraw(?:ing|n)? (?:my |said |that |this |all |any )?consent\b",
        r"\bi(?: am|'m)?(?: (?!not\b|never\b)\w+){0,3} (?:object|objecting) to\b",
    ),
    "marketing_objection": (
        r"\bobject\w*\b[^.;]{0,100}\b(?:direct )?marketing\b",
        r"\bmarketing\b[^.;]{0,60}\bobject",
        r"\bwithdraw\w* (?:my |said |all )?consent\b[^.;]{0,80}\bmarketing\b",
        r"\b(?:stop|cease|do not|don't|dont) (?:using|use|processing|process) my (?:personal )?"
        r"(?:data|details|information|e-?mail|number) for (?:\w+ )?(?:marketing|advertising|"
        r"promotion)",
    ),
    "optout_email": (
        r"\b(?:clicked|pressed|used|hit|tried) (?:on )?(?:the |your )?unsubscribe (?:link"
        r"|button)s?\b"
        r"[^.;!?]{0,60}\b(?:still|again|keep|keeps|continue|anyway)\b",
        r"\b(?:like|want|wish|prefer) (?:to )?not (?:to )?receive (?:any ?more |any longer )?"
        r"(?:your |the )?"
        r"(?:newsletters?|e-?mails|mailings?|promotions)\b",
        r"\bremove (?:it|me|my (?:e-?mail(?: address)?|address)) (?:manually |please |now "
        r"|completely )?"
        r"from (?:the|your) (?:mailing )?list\b",
        r"\b(?:take|remove|delete|strike) (?:both|these|those|the|our|all) (?:\w+ )?(?:addresses"
        r"|e-?mails)"
        r" (?:off|from) (?:your|the) (?:\w+ )?lists?\b",
        r"\b(?:take|remove|strike|get|delete|drop) (?:me|us|my (?:name|details|address|e-?mail"
        r"(?: address)?))(?: \S+@\S+| \([^)]{0,40}\))? (?:off|from|out of) (?:both |each |all "
        r"|every )?"
        r"(?:of )?(?:your|the|any|whatever|these|those)\b[^.!?;]{0,40}?\b(?:e-?mail(?:ing)?|mailing"
        r"|newsletter)s? (?:(?:and|&|or) [\w-]+ )?lists?\b",
        r"\blists?\b[^.!?;]{0,60}\bwant (?:to be )?(?:taken )?off (?:all|every one|each) (?:of )?"
        r"(?:them|those|these)\b",
        r"\b(?:do not|don't|dont|never) want (?:a single|one more|another|any more|any) (?:more )?"
        r"(?:promo|promotional|marketing|sales|advertising) e-?mails?\b",
        r"\b(?:e-?mails?|newsletters?|mailings?)\b[^.;!?]{0,25}\b(?:which|that) i(?:'d| would)"
        r" like "
        r"(?:stopped|to stop|cancelled|to end)\b",
        r"\bunsubscribe[.!,:;]? (?:the |your )?(?:link|button) (?:doesn'?t|does not|isn'?t|is not"
        r"|won'?t|didn'?t|did not)\b",
        rf"\bunsubscribe (?:me|us|my)\b{_NOT_PAID}",
        rf"\bunsu\w{{0,3}}cri\w* (?:me|us|my)\b{_NOT_PAID}",
        rf"\b(?:please|pls|plz|kindly|just|can you|could you|would you) unsubscribe\b{_NOT_PAID}",
        r"\b(?:want|wish|like|need|trying|tried|asked|asking|request|requesting) (?:to )?"
        rf"unsubscribe\b{_NOT_PAID}",
        r"\bhow (?:do|can) i unsubscribe\b",
        r"\bremove me (?:now|immediately|asap|at once|please|right now)\b",
        r"\bi (?:never|didn't|did not) (?:sign(?:ed)? up|subscribe[d]?|opt(?:ed)? in|ask(?:ed)? "
        r"(?:for|to receive)) (?:for |to )?(?:this|these|your|any)\b",
        r"\b(?:remove|take|delete|drop|strike) (?:me|him|her|them|my (?:e-?mail(?: address)?"
        r"|address|name|"
        r"details|contact)|this (?:e-?mail )?address)(?: \S+@\S+)? (?:off|from|out of) (?:your"
        r"|the|this|all (?:of )?(?:your"
        r"|the)|"
        r"any) (?:e-?mail(?:ing)? |mailing |marketing |distribution |newsletter |contact |"
        r"subscriber |promotional |spam |monthly |weekly |daily )?(?:list|lists|newsletters?"
        r"|mailings?|e-?mails|messages|offers|promotions)\b",
        r"\b(?:stop|quit|cease) (?:sending|e-?mailing|spamming|mailing) (?:me|us)\b"
        r"(?! (?:the |my |your |these |those )?(?:\w+ )?(?:statements?|invoices?|bills?|letters?"
        r"|paper|post|reminders?|receipts?|renewals?|polic(?:y|ies)|documents?)\b)",
        r"\b(?:stop|no more|enough) (?:(?:these|this|the|your|all|of) )*(?:promo |sales "
        r"|marketing )?"
        r"(?:e-?mails|newsletters?"
        r"|spam|e-?mail marketing|marketing e-?mails|promotional e-?mails|mailings)\b",
        r"\b(?:do not|don't|dont|never) (?:want|wish) (?:to receive |to get |any )?(?:any )?"
        r"(?:more |further |your )?(?:e-?mails|newsletters?|marketing e-?mails|promotional "
        r"e-?mails|spam|mailings)\b",
        r"\b(?:do not|don't|dont) (?:e-?mail me|send me (?:any )?(?:more |further )?(?:e-?mails"
        r"|newsletters|offers|promotions))\b",
        r"\b(?:do not|don't|dont|no longer) (?:want|wish to receive|need) (?:the|your|any|these"
        r"|those)\b[^.;!?]{0,40}\b(?:newsletters?|promotional e-?mails|marketing e-?mails|e-?mails"
        r" about (?:\w+ )?offers)\b(?= *(?:any ?more|,|\.|!|$|or |and |please|from you))",
        r"\bopt(?:ing)?[- ]?(?:me )?out (?:of|from) (?:your |all |the )?(?:e-?mails?|newsletters?"
        r"|mailing list|e-?mail marketing|marketing e-?mails|mailings)\b",
    ),
    "optout_phone": (
        r"\b(?:do not|don't|doesn't|does not|dont) (?:want|wish) to be (?:phoned|called|rung|texted"
        r"|cold[- ]called)(?: or (?:phoned|called|rung|texted|e-?mailed))?(?: \w+){0,3} (?:with "
        r"(?:offers"
        r"|deals|promotions)|any ?more|again|for (?:sales|marketing))\b",
        r"\b(?:take|remove|delete|strike) (?:both|these|those|the|our|all) (?:\w+ )?numbers "
        r"(?:off|from)"
        r" (?:your|the) (?:\w+ )?lists?\b",
        r"\btake (?:me|him|her|them|us|my \w+(?: \w+){0,2}) off (?:your|the|all your) (?:\w+ )?"
        r"(?:text messages|texts|sms|calls|call lists?|calling lists?|phone lists?)\b",
        r"\b(?:take|remove|delete|strike|get) my (?:phone |mobile |telephone |landline )?number"
        r"(?: \([^)]{0,30}\)| [\d +]{6,20})? (?:off|from|out of) (?:whatever|any|every|all|the|your"
        r"|both) (?:of )?(?:your )?(?:\w+ )?lists?\b",
        r"\b(?:take|remove|strike|get|delete|drop) (?:me|us|my (?:name|details|number))"
        r"(?: \([^)]{0,40}\))? (?:off|from) (?:both |each |all |every )?(?:of )?(?:your|the|any"
        r"|whatever|these|those)\b[^.!?;]{0,40}?\b(?:call(?:ing)?|phone|telephone|text|sms"
        r"|telesales"
        r"|telemarketing|cold[- ]call(?:ing)?)s? lists?\b",
        r"\b(?:nobody|no one|no-one) (?:calls|rings|phones|texts|contacts)(?: or (?:calls|rings"
        r"|phones|texts))? (?:me|him|her|us|them)(?: \w+){0,3} (?:with (?:offers|deals|sales)|again"
        r"|any ?more|to sell|for sales|about offers)\b",
        r"\bnot to (?:phone|call|ring|telephone|text) (?:me|us) (?:\w+ ){0,3}(?:offers|sales"
        r"|marketing|promotions|deals|upgrades)\b",
        r"\b(?:stop|quit|cease) (?:calling|phoning|ringing|texting|cold[- ]?calling|sms(?:ing)?)"
        r"(?: (?:me|us|my|this))?\b",
        r"\b(?:do not|don't|dont|never) (?:call|phone|telephone|ring|text|sms) (?:me|us|this "
        r"number|my "
        r"(?:phone|number|mobile))\b",
        r"\bdo[- ]not[- ]call\b",
        r"(?<!driver )(?<!courier )(?<!engineer )(?<!postman )(?<!technician )"
        r"\b(?:keep|keeps|kept|constantly|always) (?:ringing|calling|phoning|texting) me\b",
        r"\btelephone preference service\b|\bregistered (?:with|on) (?:the )?tps\b",
        r"\b(?:remove|take|delete) (?:me|my (?:phone |mobile |telephone )?(?:number|details))"
        r"(?: \([^)]{0,30}\)| [\dx +]{6,20})? (?:off|from) (?:your|the|all your) (?:broadcast"
        r"|whatsapp"
        r"|call(?:ing)?"
        r"|phone|telephone|telemarketing|sms|text) list\b",
        r"\b(?:no more |stop (?:the |these |your |all )?)(?:phone |sales |cold |promo "
        r"|promotional |marketing )?(?:calls|"
        r"telemarketing|texts|sms|text messages)\b",
        r"\b(?:do not|don't|dont) (?:want|wish) (?:to receive |any )?(?:more |further )?"
        r"(?:phone |sales )?(?:calls|texts|sms|text messages)\b",
        r"\bopt(?:ing)?[- ]?(?:me )?out (?:of|from) (?:your |all )?(?:phone|telephone|sms|text|"
        r"telemarketing)\b",
    ),
    "optout_all": (
        r"\b(?:do not|don't|dont) (?:want|wish) to be contacted (?:again |any ?more )?(?:by "
        r"(?:phone"
        r"|e-?mail|text)(?: or (?:phone|e-?mail|text))?|with (?:job|offers|deals))\b",
        r"\b(?:want|like) (?:me )?out of (?:all (?:of )?)?(?:the |your )?(?:marketing|promotions?"
        r"|advertising)\b",
        r"\b(?:do not|don't|dont) send me (?:any )?(?:more )?(?:promo|promotional|marketing) "
        r"(?:messages|texts|e-?mails)\b",
        r"\bno (?:more )?marketing (?:e-?mails|texts|calls|messages)\b",
        r"\b(?:take|remove) me (?:off|from) (?:all (?:of )?)?(?:your |the )?marketing\b"
        r"(?! (?:list|lists|e-?mails?|newsletters?|mailings?)\b)",
        r"\b(?:take|remove) me (?:off|from) (?:all (?:of )?)?(?:it|them|that|everything)\b"
        r"(?=[^.]{0,40}\b(?:e-?mails?|texts?|calls?|sms|newsletters?|offers|marketing)\b)",
        r"\b(?:stop|quit|cease) (?:contacting|bothering|harassing|pestering|hassling) (?:me|us)\b",
        r"\b(?:do not|don't|dont|never) (?:ever )?contact (?:me|us)(?: again| anymore| any more"
        r"| in (?:the )?future| for (?:\w+ )?marketing)?\b",
        r"\b(?:stop|no more|opt(?: me)? out of|unsubscribe me from|remove me from|withdraw (?:my "
        r")?consent (?:to|for)|do not want|don't want)(?: \w+){0,4} (?:all )?(?:your |further )?"
        r"(?:direct )?(?:marketing|advertising(?! (?:my|our|the|this|that|his|her|their|\d+)\b)"
        r"|promotions|promotional (?:material|communications"
        r"|messages))\b",
        r"\b(?:take|remove) me off (?:all )?(?:of )?your (?:marketing |contact )?lists\b",
    ),
    "on_behalf": (
        r"\b(?:obituary|death notice|headstone|gravestone|census|baptism\w*)\b",
        r"\b(?:great-?)+grand(?:father|mother|parents?)\b",
        r"\bon (?:his|her|their) behalf\b",
        rf"\bon behalf of (?:my|our|the) (?:\w+ )?{_PERSON}\b",
        r"\b(?:my|our) client(?:'s)?\b",
        r"\b(?:we|i) (?:act|are acting|am acting) (?:for|on behalf of)\b|\b(?:we|i) represent\b",
        r"\bpower of attorney\b|\blegal guardian\b|\bexecutor of\b|\bnext of kin\b",
        r"\bas (?:his|her|their) (?:parent|guardian|solicitor|attorney|representative|executor"
        r"|father|mother|dad|mum|mom|carer)\b",
        r"\bmy (?:son|daughter|child|kid|mother|mum|mom|father|dad|husband|wife|partner|brother|"
        r"sister)(?:'s)? (?:\w+ )?(?:data|account|details|information|e-?mail|personal|profile"
        r"|records?)\b",
        r"\b(?:for|about|on|regarding|concerning) my (?:son|daughter|child|kid|mother|mum|mom|"
        r"father|dad|husband|wife|partner|late)\b",
        r"\b(?:authori[sz]ed (?:agent|representative)|letter of authority|signed authority)\b",
        r"\b(?:access to|delete|erase|remove|wipe|copy of|correct) (?:all )?(?:of )?"
        r"(?:his|her|their|\w+'s) (?:personal )?(?:data|account|details|information|records)\b",
        r"\bmy (?:late )?(?:son|daughter|child|mother|mum|mom|father|dad|husband|wife|partner) "
        r"(?:has )?(?:passed away|died|is deceased|is a minor|is under)\b",
    ),
    "information": (
        r"\bwhich (?:\w+ ){0,3}(?:employers|companies|clients|firms|agencies|partners|third"
        r" parties)"
        r" (?:(?:do|did|have) )?you(?:'ve)? (?:share|shared|send|sent|pass|passed|report|reported"
        r"|forwarded|given) (?:my|it|them|this)\b",
        r"\bhow long (?:do|will|would) you (?:hang on to|hold on to|keep|retain|store) "
        r"(?:applications"
        r"|cvs|my (?:cv|application|details|data))\b",
        r"\bwho (?:was|were) (?:the|my) (?:report|results|file|details) (?:sent|given|passed"
        r"|shared) to\b",
        r"\bwho (?:are|do|did|have|were) (?:you|u) (?:\w+ )?(?:handing|hand|handed|passing|pass"
        r"|passed|giving|give|given|selling|sell|sold|sharing|share|shared) (?:it|this|that|them"
        r"|my \w+|the data|this data|that data)(?: on| over)? (?:to|with)\b",
        r"\bhow (?:do|did|come|can) (?:you|u) (?:even )?(?:have|had) (?:hold of )?my (?:\w+ )?"
        r"(?:name|address|number|details|data|information|e-?mail|contact)\w*\b",
        r"\bwhat (?:are|do|did) (?:you|u) (?:\w+ )?(?:collect(?:ing)?|record(?:ing)?|track(?:ing)?"
        r"|log(?:ging)?) (?:about (?:me|people|visitors|customers)|when (?:i|someone|people"
        r"|you))\b",
        r"\bwhat (?:do|will|did) (?:you|u) (?:actually |really |then )?do with (?:my|those|these) "
        r"(?:\w+ )?(?:scans?|copies|photos?|data|details|information|recordings?|fingerprints?"
        r"|images?)\b",
        r"\bdid you (?:\w+ )?(?:pass|give|sell|share|disclose)\w* (?:on )?my (?:\w+ )?(?:details"
        r"|data|information|name|number|address)\b",
        r"\bhow (?:did )?you came? (?:to have|by|across) my\b",
        r"\b(?:know|tell me|ask) how (?:you|u) (?:got|obtained|found|came by) my (?:\w+ )?(?:number"
        r"|details|data|e-?mail|address|contact|name|info\w*)\b",
        r"\bwho gave (?:it|them|this|my \w+) to you\b",
        r"\bwho (?:else )?(?:have|did) you (?:passed|pass|given|give|sold|sell|shared|share) "
        r"(?:it|them|this|my \w+)(?: on)? (?:to|with)\b",
        r"\bwhich (?:companies|firms|businesses|suppliers|third parties) (?:\w+ )?you (?:have )?"
        r"(?:gave|given|passed|sold|shared)\b",
        r"\bwho (?:\w+ ){0,3}(?:was|were|has been|have been) (?:sent|passed|shared|given|sold"
        r"|disclosed) to\b",
        r"\bwho gave you my\b|\bfrom whom did you (?:get|obtain|receive) my\b",
        rf"\bwhere (?:did|do|have) {_YOU} (?:get|got|obtain|find|source|buy|bought|collect|take|"
        r"receive)\w* my\b",
        rf"\bhow (?:did|do|have) {_YOU} (?:get|got|obtain|find|come by|come across|acquire|"
        r"source)\w* (?:hold of )?my\b",
        rf"\bwho (?:do|did|have) {_YOU} (?:\w+ )?(?:share|shared|sell|sold|pass|passed|give|"
        r"given|disclose|disclosed|transfer|transferred) my\b",
        r"\b(?:which|what) (?:companies|third parties|organi[sz]ations|partners) (?:have |has )?"
        r"(?:you )?(?:shared|sold|passed|given|disclosed|transferred|received) my\b",
        rf"\b(?:why|for what purposes?) (?:are|do|did|have) {_YOU} (?:\w+ )?(?:processing|"
        r"process|using|use|holding|hold|storing|store|keeping|keep|collect(?:ing|ed)?) my\b",
        rf"\bhow long (?:do|will|are) {_YOU} (?:\w+ )?(?:keep|store|retain|hold)\w* my\b",
        r"\bsource of (?:my|the) (?:personal )?(?:data|information|details|e-?mail address)\b",
        rf"\bwhat (?:personal |private )?{_DATA} {_YOU} (?:\w+ ){{0,2}}{_HOLD} (?:on|about) "
        r"(?:customers|people|users|clients|members|shoppers)(?: like me)?\b",
        rf"\bwhat (?:do |does |did )?{_YOU} (?:\w+ )?(?:use|used|using) (?:it|them|mine|my "
        r"(?:\w+ ){0,2}\w+) for\b",
        rf"\bhow long (?:do |does |will |would )?{_YOU} (?:\w+ )?(?:keep|store|retain|hold)\w* "
        r"(?:it|them)\b",
        r"\bwhether it (?:gets|is|will be) (?:shared|passed|sent) (?:with|to)\b",
        r"\bwho (?:\w+ ){0,4}(?:will be able to|can|gets to|is able to) (?:read|see|access) (?:this"
        r"|it|them|my)\b",
        rf"\bhow long (?:do |does |will |would )?{_YOU} (?:\w+ )?(?:keep|store|retain|hold"
        rf"|hang on to)\w* (?:\S+ ){{0,2}}"
        r"(?:details|data|information|records)\b",
        rf"\b(?:whether|do|did) {_YOU} (?:\w+ )?(?:share|sell|pass|give|disclose|transfer)\w* "
        r"(?:it|them|my (?:\w+ )?(?:data|information|details))(?: on)? (?:with|to) (?:anyone|"
        r"anybody|any|other|third)\b",
        r"\bi (?:never|did not|didn't) (?:gave|give) (?:you|u) my\b",
        r"\bi (?:have|'ve) never given (?:you|u) my\b",
        rf"\bwhere {_YOU} (?:got|get|obtained|found) (?:it|this|that|them|this address|my \w+) "
        r"from\b",
        rf"\bwhat {_YOU}(?:'re| are) (?:using|doing with) (?:it|them|my \w+)(?: for)?\b",
        rf"\bwhere {_YOU} (?:got|get|obtained|found|bought|sourced) (?:hold of )?my\b",
        rf"\bwho (?:else )?{_YOU} (?:have |'ve )?(?:passed|given|sold|shared|disclosed)\b",
        r"\bwhy (?:are|do|did) (?:you|u) (?:keep )?(?:contact|contacting|e-?mail|e-?mailing|call|"
        r"calling|send|sending|text|texting)\w* me\b",
        r"\bwho (?:you|u) (?:have )?(?:sold|shared|passed|gave|given|disclosed|sell|share)"
        r"(?: (?:it|them|my \w+))? (?:to|with)\b",
    ),
    "legal_basis": (
        r"\b(?:legal|lawful) (?:basis|bases|ground|grounds) (?:for|of|on which|under which) "
        r"(?:the |your |this |any )?(?:processing|process|holding|using|contacting|you)\b",
        rf"\bwhat (?:legal |lawful )?(?:basis|grounds?) (?:do|are|did|have) {_YOU} "
        r"(?:\w+ )?(?:process|hold|use|stor|contact|send|keep)\w*\b",
        r"\bunder which conditions? (?:do|are|did) you (?:\w+ )?process\w*\b",
        r"\b(?:proof|evidence|record|records) (?:of|that|showing that) (?:my |i )?(?:consent|"
        r"consented|gave (?:my )?consent|opted in|opt-in|agreed|subscribed|signed up)\b",
        r"\bdemonstrat\w+ that i (?:have )?(?:consented|given (?:my )?consent|agreed)\b",
        r"\bwhen (?:and how )?did i (?:give|consent|agree|opt(?:ed)? in|sign(?:ed)? up"
        r"|subscribe)\w*\b",
        r"\bwhen i (?:gave|give) (?:you )?(?:my )?consent\b|\bwhen i (?:consented|opted in)\b",
    ),
    "automated_decision": (
        r"\blooked at by a (?:human|real|actual)\b|\bby a human (?:manager|being|person"
        r"|reviewer)\b",
        r"\b(?:want|need|like|ask for|demand) (?:someone|somebody) (?:real|human|actual|in"
        r" person) to "
        r"(?:look at|review|check|go over|reassess)\b",
        r"\bhuman (?:intervention|review|reassessment|involvement|oversight|decision[- ]maker)\b",
        r"\b(?:a computer|an algorithm|the algorithm|your algorithm|an automated system|a machine) "
        r"(?:has )?(?:decided|refused|rejected|declined|scored)\b",
        r"\bnot (?:to )?be subject(?:ed)? to (?:a |any )?decisions? based solely on automated\b",
        r"\b(?:contest|challenge|appeal|dispute) (?:the|this|your|that) (?:automated |automatic "
        r"|computer(?:i[sz]ed)? |algorithmic )?(?:decision|rejection|refusal|assessment|score|"
        r"scoring)\b",
        r"\bautomat(?:ed|ic|ically)\b[^.]{0,80}\b(?:reviewed|reconsidered|looked at|checked|"
        r"assessed|re-?evaluated) by (?:a |an actual |a real )?(?:human|person|member of staff|"
        r"human being)\b",
        r"\b(?:human|real person|member of staff) (?:to )?(?:review|reconsider|look at|check|"
        r"reassess|re-?evaluate)\b[^.]{0,60}\b(?:automat\w+|algorithm\w*|decision)\b",
    ),
    "request": (
        r"\b(?:gdpr|uk gdpr|data protection|data subject|privacy|ccpa) (?:rights )?request\b",
        r"\bexercis(?:e|ing) my (?:data protection |privacy |gdpr )?rights\b",
        r"\bdata subject (?:rights )?request\b",
    ),
}

STOP_WORDS = (
    "stop",
    "unsubscribe",
    "unsub",
    "remove",
    "remove me",
    "stop please",
    "please stop",
    "stop all",
    "opt out",
    "optout",
    "unsubscribe me",
    "stop emails",
    "stop calling",
)
