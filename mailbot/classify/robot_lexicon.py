"""How machines write: mail-server failure reports and autoresponders, in many languages.

Every pattern is matched against folded text (lower case, no accents; see ``text.fold``).
"""

from __future__ import annotations

import re

from mailbot.classify.anchors import PhraseSet

# Senders that only machines use; a message from them is a delivery report.
DAEMON_SENDER = re.compile(
    r"^(?:mailer-?daemon|mail-?daemon|postmaster|post_master|poostmaster)(?:@|$)"
    r"|^mail\.delivery\.system@"
)
# Senders that are machines, but send other things too.
MACHINE_SENDER = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|noreply-[^@]*|bounces?|mdaemon|sysadmin"
    r"|mail-?delivery[^@]*|autoresponder|auto-?reply)(?:\+[^@]*)?@"
)
DAEMON_DISPLAY = re.compile(r"mailer[- ]?daemon|mail delivery (?:subsystem|system|service)")

# Subjects that only delivery-status notifications have.
BOUNCE_SUBJECT = PhraseSet(
    [
        r"^(?:undeliverable|unzustellbar|non remis|no se puede entregar|non recapitabile"
        r"|onbestelbaar|niedostarczalne|nao e possivel entregar|kan inte levereras"
        r"|nedorucitelne|nije isporuceno|olevererbart|non consegnato) ?:",
        r"undelivered mail returned to sender",
        r"mail delivery failed",
        r"delivery status notification \((?:failure|delay)\)",
        r"^returned mail\b",
        r"^failure notice$",
        r"^undeliverable (?:mail|message)",
        r"^(?:delivery failure|delivery notification: delivery has failed)",
        r"^mail system error - returned mail",
        r"^delayed mail \(still being retried\)",
        r"^warning: could not send message",
        r"^message delivery has failed",
        r"^delivery status notification: error",
        r"your message could not be delivered|sorry, your message could not be delivered",
        r"недоставленное сообщение|не доставлено",
        r"メッセージを配信できません|メールエラー通知|配信不能",
        r"退信|未送达",
    ]
)
# Subjects that bounces have, but people might write too: they need a machine sender.
WEAK_BOUNCE_SUBJECT = PhraseSet(
    [
        r"undeliver|delivery (?:status|failure|failed|report)|could not be delivered",
        r"returned (?:mail|to sender)|non[- ]?delivery|mail failure|delivery problem",
        r"error sending your mail|not delivered|blocked by",
    ]
)
# Boilerplate of the common MTAs: Postfix, Exim, qmail, Sendmail, Exchange/Microsoft 365,
# Gmail, Courier, Domino, OpenSMTPD, SES, and the localised Exchange texts.
MTA_TEXT = PhraseSet(
    [
        r"this is the mail system at host",
        r"i'm sorry to (?:have to )?inform you that (?:your message|the message below) could not",
        r"this message was created automatically by mail delivery software",
        r"a message that you (?:have )?sent could not be delivered to one or more",
        r"this is the qmail-send program",
        r"i'm afraid i wasn't able to deliver your message",
        r"the original message was received at",
        r"the following addresses had (?:permanent fatal errors|delivery problems|permanent "
        r"delivery errors|delivery errors)",
        r"-+ ?transcript of session follows",
        r"delivery has failed to these recipients or",
        r"your message did not reach some or all of the intended recipients",
        r"did not reach the following recipient",
        r"diagnostic information for administrators",
        r"delivery to the following recipients? (?:failed|has been delayed)",
        r"google tried to deliver your message",
        r"your message wasn't delivered to",
        r"\*\* (?:address not found|message not delivered|message blocked) \*\*",
        r"this is an automatically generated delivery status notification",
        r"this is a delivery status notification",
        r"an error occurred while trying to deliver the mail to the following",
        r"an error has occurred while attempting to deliver a message",
        r"this report relates to a message you sent",
        r"i was unable to deliver your message to the following",
        r"we had trouble delivering your message",
        r"we were unable to deliver your message",
        r"your message could not be sent\. a transcript",
        r"your e-?mail is being returned to you because there was a problem with its delivery",
        r"this is a warning (?:message )?only\.? (?:\*+ )?you do not need to resend",
        r"the following message to <[^>]+> was undeliverable",
        r"could not be delivered to: ?<",
        r"delivery failed \d+ attempts",
        r"message could not be delivered to mobile",
        r"was not delivered to: ",
        r"unable to deliver message to the following address",
        r"the message was not relayed to",
        r"was blocked by our spam firewall",
        r"you are not a member of this (?:mailing )?list",
        r"fehler bei der nachrichtenubermittlung an folgende",
        r"die nachricht konnte nicht (?:an folgende empfanger )?zugestellt werden",
        r"la remise a echoue pour ces destinataires",
        r"votre message n'a pas pu etre remis",
        r"error en la entrega a estos destinatarios",
        r"su mensaje no pudo ser entregado",
        r"recapito non riuscito a questi destinatari",
        r"bezorging is mislukt voor deze ontvangers",
        r"dostarczenie do tych adresatow lub grup nie powiodlo sie",
        r"falha na entrega para estes destinatarios",
        r"leveransen misslyckades till (?:foljande|dessa) mottagare",
        r"к сожалению, ваше письмо не может быть доставлено",
        r"это письмо (?:создано автоматически|отправлено почтовым сервером)",
        r"送信できませんでした|送信に失敗しました|配信できませんでした",
    ]
)
# Generic failure wording: only a bounce when a machine sent it.
FAILURE_TEXT = PhraseSet(
    [
        r"could not be delivered|couldn't be delivered|undeliverable|delivery (?:has )?failed",
        r"permanent (?:fatal )?error|user unknown|mailbox (?:is )?full|no such user",
        r"returned mail|original message follows|message not delivered|not been delivered",
        r"\b5\.\d\.\d+\b|\b550\b",
    ]
)
# A delivery-status report that says the mail arrived: not a failure.
DELIVERED_TEXT = PhraseSet(
    [
        r"delivery report that you requested",
        r"(?:was|were|has been) (?:successfully )?delivered (?:to|successfully)",
        r"delivery to (?:the following recipients|these recipients or groups) (?:succeeded|is "
        r"complete|was successful)",
        r"^\{\"notificationtype\":\"(?:delivery|complaint)\"",
    ]
)
DELIVERED_SUBJECT = PhraseSet(
    [
        r"^(?:delivered|relayed|zugestellt|remis|entregado|consegnato|bezorgd) ?:",
        r"delivery status notification \((?:success|relay)\)",
        r"successful mail delivery report",
        r"mail delivery status report",
    ]
)
# Reports that are neither bounces nor auto-replies: abuse complaints, list-unsubscribe mail.
FEEDBACK_TEXT = PhraseSet(
    [
        r"this is an (?:e-?mail )?(?:abuse|opt-out) report for an e-?mail message",
        r"sent this e-?mail to unsubscribe from the message",
    ]
)
SES_BOUNCE = PhraseSet([r"^\{\"notificationtype\":\"bounce\""])

# Autoresponder subjects (never trusted on replies: "Re: Automatic reply" is a person).
AUTO_SUBJECT = PhraseSet(
    [
        r"^(?:auto(?:matic)?[ -]?(?:reply|response|respons|answer)|autoreply|autoresponder)\b",
        r"^auto ?:",
        r"^(?:out of (?:the )?office|ooo)\b|\bout of (?:the )?office (?:reply|until|notice)\b",
        r"^(?:abwesenheitsnotiz|automatische antwort|abwesend)\b",
        r"^(?:reponse automatique|absence du bureau|absent|absente|message d'absence)\b",
        r"^(?:respuesta automatica|fuera de la oficina|ausente|ausencia)\b",
        r"^(?:risposta automatica|fuori (?:ufficio|sede))\b",
        r"^(?:automatisch antwoord|afwezigheidsmelding|afwezig)\b",
        r"^(?:odpowiedz automatyczna|autoodpowiedz|nieobecnosc)\b",
        r"^(?:resposta automatica|ausencia temporaria)\b",
        r"^(?:automatiskt svar|autosvar|franvaro|franvarande)\b",
        r"^(?:automatska poruka|automaticka odpoved|automatikus valasz)\b",
        r"^(?:不在通知|自動応答|自動返信|自动回复)",
        r"^\[?(?:ticket|case|request|incident) ?#? ?\d+\]? ?(?:received|created|opened)",
    ]
)
REPLY_PREFIX = re.compile(r"^(?:re|aw|sv|vs|antw|antwort|r|rif|odp|ref|res|tr|fw|fwd|wg) ?:")
# A machine describing itself or its mailbox: "this is an automated reply", "your ticket has
# been received", "with limited access to e-mail until".
AUTO_TEXT = PhraseSet(
    [
        r"\bout of (?:the )?office (?:until|till|from|and will|with|returning)\b",
        r"\bwith (?:limited|no|intermittent|restricted) access to (?:my )?e-?mail\b",
        r"\b(?:respond|reply|get back to you)(?: to your (?:e-?mail|message))?(?: as soon as "
        r"possible)? (?:up)?on my return\b",
        r"\bthis (?:e-?mail|mailbox|inbox|address|e-?mail address)(?: \S+)? is no longer "
        r"(?:in use|monitored|active|valid)\b",
        r"\bthis is an? (?:automated|automatic|auto-generated|auto) (?:reply|response|message|"
        r"e-?mail|notification)\b",
        r"\bthis (?:message|e-?mail|reply) (?:was|has been|is) (?:sent |generated )?"
        r"automatically\b",
        r"\byour (?:request|ticket|case|enquiry|inquiry|message)(?: [(\[]?(?:#|no\.?|number|id"
        r"|ref)? ?[\w-]+[)\]]?)? (?:has been|was|is being) (?:received|created|logged|registered"
        r"|opened)\b",
        r"\ba (?:support )?ticket (?:has been|was) (?:created|opened|logged)\b",
        r"\bdies ist eine automatische (?:antwort|nachricht|e-?mail)\b|\bautomatisch generiert\b",
        r"\b(?:ceci est un|ce) (?:message|courriel|e-?mail) (?:automatique|genere automatiquement)",
        r"\breponse automatique\b",
        r"\b(?:este es un|esta es una) (?:mensaje|respuesta|correo) automatic[oa]\b",
        r"\b(?:questo e un|messaggio generato) (?:messaggio )?automatic",
        r"\b(?:dit is een|automatisch) (?:automatisch )?(?:antwoord|bericht|gegenereerd)\b",
        r"\b(?:automatyczna odpowiedz|wiadomosc (?:zostala )?wygenerowana automatycznie)\b",
        r"\b(?:esta e uma|mensagem) (?:resposta |mensagem )?automatica\b",
        r"\b(?:detta ar ett|automatiskt) (?:automatiskt )?(?:svar|meddelande)\b",
    ]
)
# A person's absence: an out-of-office says it, but so does a customer who asks for
# something ("I'm on holiday next week, can you hold the parcel?").
AWAY_TEXT = PhraseSet(
    [
        r"\bi(?: am|'m) (?:currently |presently |now )?(?:out of (?:the )?office|away from "
        r"(?:the |my )?(?:office|desk|e-?mail)|on (?:annual |parental |maternity |paternity "
        r"|sick |study )?leave|(?:away )?on (?:vacation|holidays?)|off work|travell?ing)\b",
        r"\bi will be (?:back|returning|in the office) on\b",
        r"\bi(?: am|'m) away (?:\w+ ){0,3}until\b",
        r"\bwill (?:reply|respond|get back to you) (?:when|once) i(?: am|'m) back\b",
        r"\bich bin (?:\S+ ){0,4}(?:nicht im (?:buro|hause?)|abwesend|im urlaub|ausser haus|nicht "
        r"erreichbar|wieder (?:im buro|erreichbar))\b",
        r"\bje suis (?:\S+ ){0,3}(?:absente?|en conges?|en vacances|en deplacement|hors du "
        r"bureau)\b",
        r"\b(?:estoy|me encuentro) (?:actualmente |ahora )?(?:fuera de la oficina|de "
        r"vacaciones|ausente|de baja)\b",
        r"\bsono (?:attualmente |al momento )?(?:fuori (?:ufficio|sede)|in ferie|assente|in "
        r"vacanza)\b",
        r"\bik ben (?:momenteel |op dit moment |tot en met [^ ]+ )?(?:afwezig|met vakantie|niet "
        r"op kantoor|niet aanwezig|op vakantie)\b",
        r"\bjestem (?:obecnie |aktualnie |teraz )?(?:nieobecn\w+|na urlopie|poza biurem)\b",
        r"\b(?:estou|encontro-me) (?:atualmente |actualmente )?(?:ausente|fora do escritorio|"
        r"de ferias|de licenca)\b",
        r"\bjag (?:ar|befinner mig) (?:for narvarande |just nu |tyvarr )?(?:tjanstledig|ledig|pa "
        r"semester|borta|franvarande|inte pa kontoret)\b",
    ]
)
