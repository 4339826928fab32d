"""Spanish: acceso, supresión, oposición, darse de baja."""

from __future__ import annotations

_DATA = r"(?:datos|informacion)"
_MIS = r"(?:mis|todos mis|los|todos los|toda la|toda mi)"
_PERSON = r"(?:cliente|madre|padre|hijo|hija|esposa|esposo|marido|mujer|representad\w+)"

CUES: dict[str, tuple[str, ...]] = {
    "access": (
        r"\b(?:grabaciones|imagenes|videos?) (?:\w+ ){0,6}donde (?:salgo|aparezco)\b",
        r"\bderecho de acceso\b",
        r"\bsolicit\w+ (?:el )?acceso\b",
        rf"\bacceso a {_MIS} (?:\w+ )?{_DATA}\b",
        rf"\bcopia de {_MIS} {_DATA}\b",
        rf"\bque {_DATA} (?:personales )?(?:tienen|tiene|tienes|guardan|almacenan|tratan)"
        r" (?:\w+ ){0,2}(?:sobre mi|de mi|mios)\b",
        r"\b(?:envi|mand|facilit|proporcion|remit|entreg)\w* (?:\w+ ){0,3}(?:datos|informacion) "
        r"personales\b",
    ),
    "rectification": (
        r"\b(?:su|mi) (?:ficha|perfil|expediente|historial)\b[^.]{0,40}\b(?:pone|aparece|figura"
        r"|consta)\b",
        r"\brectifica(?!tiv[oa]s?\b|tifs?\b|tive?s?\b)\w+\b",
        rf"\bcorregir {_MIS} {_DATA}\b",
        rf"\b{_DATA} (?:personales )?(?:erroneos|incorrectos|inexactos)\b",
    ),
    "erasure": (
        r"\b(?:borr|elimin|suprim)\w*\b[^.]{0,60}\btoda la informacion que (?:tengan|tienen|tengais"
        r"|teneis|guardan|guarden) (?:de|sobre)\b",
        r"\bborr(?:adla|adlo|adlos|adlas|enla|enlo|enlos|ar)\b (?:\w+ ){0,2}del sistema\b",
        r"\bno quiero que (?:tengais|tengan) (?:mi|mis) (?:\w+ )?(?:huella|datos|dato|fotos?)\b",
        rf"\b(?:supresion|eliminacion|borrado|cancelacion) (?:inmediata )?de {_MIS}? ?(?:\w+ )?"
        rf"{_DATA}\b",
        r"\b(?:borr|elimin|suprim)\w* (?:todos |toda )?(?:mis|nuestros|los siguientes|toda mi) "
        r"(?:\w+ )?"
        rf"{_DATA}\b",
        r"\b(?:borr|elimin|suprim)\w* (?:todos |toda )?(?:los|la) (?:datos|informacion) "
        r"personal(?:es)?\b",
        r"\bderecho (?:al olvido|de supresion)\b",
        r"\b(?:borr|elimin)\w* mi cuenta\b",
    ),
    "restriction": (
        r"\bmientras no se (?:resuelva|aclare|revise|decida)\b[^.]{0,80}\bno (?:utilicen|usen"
        r"|comuniquen|cedan)\b",
        r"\blimitacion del tratamiento\b",
        r"\b(?:restrinj|limit|restring)\w* (?:el )?(?:tratamiento|procesamiento)\b",
        r"\blimit\w* su uso\b|\bno (?:useis|usen|utilicen) (?:ese|este|esos|estos|mis) datos?\b",
    ),
    "portability": (r"\bportabilidad\b", r"\blectura mecanica\b", r"\bformato estructurado\b"),
    "objection": (
        r"\bno (?:quiero|deseo) que (?:useis|usen|utiliceis|utilicen) (?:mi|mis) (?:\w+ )?"
        r"(?:ubicacion"
        r"|datos|imagen|fotos?|informacion)\b",
        r"\bno (?:useis|usen|utiliceis|utilicen|publiqueis|publiquen) (?:\w+ )?(?:imagenes|fotos"
        r"|videos"
        r"|datos) mi(?:as|os)\b",
        r"\bque (?:mis|los|sus) datos no se (?:usen|utilicen|cedan|compartan|pasen|analicen)\b",
        r"\bno autorizo (?:el uso|la utilizacion|el tratamiento|la cesion|que)\b",
        r"\b(?:prefiero|quiero|pido|os pido|les pido) que no (?:utiliceis|utilicen|useis|usen"
        r"|publiqueis|publiquen) (?:mi|mis) (?:imagen|imagenes|datos|fotos?|nombre|voz|videos?)\b",
        r"\bdej(?:en|ad|e) de (?:compartir|ceder|pasar|vender|usar|utilizar) (?:mis|mi)\b",
        r"\bno (?:quiero|deseo) que (?:mis|mi|los|sus|las) (?:\w+ ){0,6}(?:se )?(?:usen|utilicen"
        r"|compartan|pasen|envien|manden|comuniquen|analicen|traten|cedan|vendan|sean (?:usad"
        r"|utilizad|compartid|cedid|vendid|tratad)\w*)\b",
        r"\bno (?:quiero|deseo) que (?:se )?(?:usen|utilicen|compartan|analicen|traten|cedan|"
        r"vendan) (?:\w+ )?mis\b",
        r"\bme opongo\b",
        r"\bobjetando\b",
        r"\bderecho de oposicion\b",
        r"\boposicion al (?:tratamiento|procesamiento)\b",
        r"\bno vend\w+ mis datos\b",
    ),
    "objection_weak": (r"\b(?:retiro|revoco) (?:mi|dicho|el) consentimiento\b",),
    "marketing_objection": (
        r"\b(?:oposicion|opongo|objet\w+)\b[^.;]{0,120}\b(?:mercadotecnia|marketing|publicidad|"
        r"comunicaciones comerciales)",
    ),
    "optout_email": (
        r"\bdejen de (?:escribirme|enviarme correos|mandarme correos|enviarme e-?mails)\b",
        r"\bquitar de (?:la |las |los |vuestra |su )?(?:newsletter|lista|boletin|correos)\b",
        r"\bdej(?:eis|en|ad|e) de enviarme (?:\w+ ){0,2}(?:correos|e-?mails|emails|newsletters?"
        r"|ofertas|publicidad)\b",
        r"\bquit(?:adme|enme|arme|ame) de (?:la |las |los |vuestra |su )?(?:newsletter|lista"
        r"|boletin|correos)",
        r"\b(?:dar(?:me)?|denme|dadme|dame) de baja\b(?! (?:de|del|en) (?:las? |los? |el |mi "
        r"|mis )?(?:clases?|curso|cursos|gimnasio|club|actividad\w*|servicio|contrato|abono|bono"
        r"|plan|tarifa|seguro|matricula|grupo|equipo|socio\w*|escuela|academia|piscina)\b)",
        r"\bbaja (?:de|del) (?:la )?(?:lista|boletin|newsletter)\b",
        r"\bno (?:quiero|deseo) recibir (?:mas )?(?:correos|e-?mails|emails|boletines|"
        r"newsletters?)",
        r"\bcancelar (?:la |mi )?suscripcion (?:a |al |del |de )?(?:la |los )?(?:\w+ )?"
        r"(?:newsletter|boletin|correos|e-?mails|lista)",
    ),
    "optout_phone": (
        r"\bno (?:vuelvan|volvais|vuelva) a llamar(?:me|nos|le|la|lo)\b",
        r"\bno (?:la|lo|me|nos|le) (?:vuelvan|volvais) a llamar\b",
        r"\b(?:dejen|deje|dejad) de llamar(?:me)?\b",
        r"\bno me (?:llamen|vuelvan a llamar)\b",
        r"\bno (?:quiero|deseo) (?:recibir )?(?:mas )?llamadas\b",
        r"\bno (?:quiero|deseo) recibir (?:mas )?(?:sms|mensajes)\b",
    ),
    "optout_all": (
        r"\bdej\w* de mandar(?:me|nos)\w* (?:\w+ ){0,2}(?:whatsapps?|sms|mensajes|correos|ofertas"
        r"|promociones)\b",
        r"\bquit(?:adme|arme|enme|eme) de (?:las |los )?(?:promociones|ofertas|publicidad"
        r"|envios)\b",
        r"\bno me (?:mandeis|mandes|manden|envieis|envien) (?:mas )?(?:\w+ )?(?:correos|e-?mails"
        r"|sms"
        r"|mensajes|ofertas|publicidad)",
        r"\b(?:dejen|deje|dejad) de (?:contactarme|molestarme|enviarme publicidad)\b",
        r"\b(?:dejen|deje|dejad) de (?:enviarme|mandarme) (?:\w+ )?(?:sms|mensajes|correos|e-?mails"
        r"|promociones|ofertas)",
        r"\bno me (?:contacten|vuelvan a contactar)\b",
        r"\bno (?:quiero|deseo) recibir (?:mas )?(?:publicidad|comunicaciones comerciales)\b",
        r"\blista robinson\b",
    ),
    "on_behalf": (
        r"\b(?:esquela|lapida|bisabuel[oa])\b",
        rf"\ben nombre de (?:mi|mis|nuestro|nuestra) {_PERSON}\b",
        r"\ben representacion de\b",
        r"\bmi (?:cliente|representad\w+)\b",
    ),
    "information": (
        r"\bde donde (?:sacaron|sacasteis|obtuvieron|obtuvisteis|han conseguido|consiguieron) "
        r"(?:mi|mis)\b",
        r"\bcon quien (?:\w+ )?comparten\b|\bpara que (?:los|las|lo|la) (?:usan|utilizan)\b",
        r"\bcuanto tiempo (?:los |las |lo |la )?(?:guardan|conservan|mantienen)\b",
        r"\bde donde (?:han |ha )?(?:obtenido|sacado|conseguido) (?:mis?|sus?|el|la|los"
        r"|nuestros?)\b",
        r"\ba quien (?:mas )?(?:se lo |se los |los |las )?(?:han|ha) (?:dado|cedido|vendido"
        r"|pasado)\b",
        r"\bcomo (?:obtuvieron|consiguieron|han obtenido) mis\b",
    ),
    "legal_basis": (
        r"\bbase (?:legal|juridica|legitimadora) (?:del|para el) tratamiento\b",
        r"\bprueba de (?:mi )?consentimiento\b",
    ),
    "automated_decision": (
        r"\bintervencion humana\b",
        r"\bdecision(?:es)? basada(?:s)? unicamente en (?:el |un )?tratamiento automatizado\b",
        r"\b(?:una persona|un empleado|un humano) (?:\w+ ){0,2}revis\w*\b",
        r"\brevisad[ao] por (?:una persona|un empleado|un humano)\b",
    ),
    "request": (r"\bejercer mis derechos\b", r"\bsolicitud (?:rgpd|lopd)\b"),
}

STOP_WORDS = ("baja", "darme de baja", "stop", "cancelar suscripcion")
