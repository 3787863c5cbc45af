"""Word lists the recogniser uses to tell places from people, organisations and prose.

They are general-purpose news lists (English and Spanish), not tuned to one story.
"""

from __future__ import annotations

from importlib import resources

# Function words that start sentences ("In Cochabamba, ...") and are never place names here.
STOPWORDS = frozenset("""
a an the and or but nor so yet for of in on at to from by with without within into onto upon over under
above below across along around about after before since until during despite though although while
when where whereas if unless because as than then there here this that these those it its they them
their he she his her him we our us you your i my me who whom whose which what why how all any both each
every few many more most much no not none only other some such very can could may might must shall
should will would do does did done has have had having is are was were be been being also even just
still again ever never now once one two three four five six seven eight nine ten first second third
last next old another same several well christmas easter thanksgiving halloween passover ramadan
hanukkah diwali lent advent eid yes oh okay ok please thanks dear let lets
 meanwhile however therefore thus instead indeed perhaps
according speaking following given including like unlike among amongst between beyond toward towards
through throughout via per against near outside inside behind beside besides amid off up down out
un una y o en con por para sin sobre entre desde hasta
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())

# Words before a name that make it a person's name.
PERSON_TITLES = frozenset("""
president vice-president presidente minister ministro ministra secretary senator senadora senador
sen rep representative deputy diputado diputada governor gobernador mayor alcalde alcaldesa
general gen colonel col coronel captain capt commander comandante lieutenant lt sergeant sgt admiral
chief judge justice attorney ambassador embajador consul pope father padre sister brother reverend rev
bishop archbishop cardinal king queen prince princess sir lord lady dame mr mrs ms miss dr doctor
professor prof don doña señor señora leader spokesman spokeswoman spokesperson activist
journalist reporter correspondent analyst author writer historian economist lawyer ombudsman
sheriff undersheriff detective det officer trooper corporal cpl patrolman constable marshal coroner prosecutor
""".split())


def _census_given_names() -> frozenset[str]:
    """The US Census Bureau's 1990 given names but those of big places (``geo/data/given_names.txt``,
    built by ``scripts/build_given_names.py``)."""
    text = resources.files("geo").joinpath("data", "given_names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


# Frequent given names in English- and Spanish-language news (a person follows), and the census's.
GIVEN_NAMES = _census_given_names() | frozenset("""
evo jeanine carlos luis fernando álvaro alvaro juan jose josé maria maría ana eva sergio omar arturo
marco mike michael john james robert william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron henry douglas peter
adam nathan zachary walter kyle harold carl jeremy keith roger gerald ethan arthur terry christian
sean lawrence austin joe noah jesse albert bryan billy bruce willie jordan dylan alan ralph gabriel
roy juan wayne eugene logan randy louis russell vincent philip bobby johnny bradley greg
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth heather diane virginia julie joyce
victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace
denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte
rose alexis kayla
pedro pablo miguel antonio manuel francisco javier jesús jesus rafael alejandro ricardo roberto
eduardo mario jorge alberto enrique fernando raúl raul andrés andres diego gustavo hugo óscar oscar
rubén ruben víctor victor ramón ramon felipe ignacio gonzalo nicolás nicolas sebastián sebastian
martín martin tomás tomas emilio esteban gabriel rodrigo adrián adrian armando alfredo guillermo
hernán hernan ernesto marcelo mauricio leonardo lucas mateo santiago joaquín joaquin agustín agustin
rosa carmen isabel dolores pilar lucía lucia elena sofía sofia marta cristina beatriz silvia patricia
adriana alejandra andrea carolina claudia daniela gabriela mariana natalia paola verónica veronica
ximena yolanda luisa juana teresa guadalupe graciela lorena mónica monica rocío rocio susana
vladimir sergei dmitry nicolás lula dilma jair cristina néstor nestor michelle sebastián iván ivan
gonzalo marcos hernando tuto jeanine adriana wilfredo williams
""".split())

# Words that make a capitalised run an organisation, a facility or an outlet.
ORG_WORDS = frozenset("""
organization organisation organizations committee comité federation federación party partido union
unión movement movimiento press prensa news noticias times post journal herald tribune gazette
daily weekly magazine review radio television tv channel network agency agencia hospital hospitals
clinic university universidad college school escuela institute instituto foundation fundación
embassy embajada ministry ministerio council consejo central centre center association asociación
church iglesia bank banco company compañía corporation corp inc ltd group grupo army ejército
forces fuerzas police policía congress congreso senate senado assembly asamblea parliament court
tribunal front frente confederation confederación coalition alliance alianza command comando
department departamento office oficina commission comisión secretariat brigade battalion regiment
airport aeropuerto stadium estadio plaza square street avenue avenida road highway bridge park
market mercado plant refinery station estación museum palace palacio cathedral mine mines mina
workers trabajadores socialists socialist communist national nacional international internacional
democratic republican federal civic cívico cívica club team government gobierno board
""".split())

# Org words that, after "of"/"de", still leave the place that follows a place
# ("Federation of ... of El Alto" is not the city; "University of Chile" is not Chile either),
# so places inside an organisation's name are not mentions.

# Outlets and institutions whose names are, or contain, place names.
ORGANISATIONS = frozenset(s.lower() for s in """
El País|Infobae|Al-Jazeera|Al Jazeera|Europa Press|Europe Press|Reuters|Associated Press|AP|AFP|BBC|CNN|
Telesur|teleSUR|New York Times|Washington Post|Wall Street Journal|The Guardian|Guardian|Prensa Latina|
Página Siete|Pagina Siete|Página/12|La Razón|La Razon|Los Tiempos|El Deber|Opinión|Clarín|La Nación|
El Mercurio|El Tiempo|El Universal|La Jornada|Granma|Xinhua|TASS|RT|Sputnik|Bloomberg|Financial Times|
Pentagon|White House|Kremlin|Downing Street|Capitol Hill|Wall Street|Hollywood|Silicon Valley|
Casa Grande del Pueblo|Palacio Quemado|School of the Americas|Organization of American States|OAS|
United Nations|European Union|Mercosur|Unasur|NATO|Interpol|Red Cross|Hamas|Hezbollah|Fatah|Taliban|
al-Qaeda|Al Qaeda|ISIS|FARC|ELN|Sendero Luminoso|Shining Path|
Workers World|World Socialist Web Site|WSWS|Democracy Now|Jacobin|Mother Jones
""".replace("\n", "").split("|"))

# Demonyms and adjectives of place: not mentions by default (an option maps them to countries).
DEMONYMS = {
    "bolivian": "BO", "bolivians": "BO", "chilean": "CL", "chileans": "CL", "peruvian": "PE",
    "peruvians": "PE", "argentine": "AR", "argentinian": "AR", "argentinians": "AR", "argentines": "AR",
    "brazilian": "BR", "brazilians": "BR", "mexican": "MX", "mexicans": "MX", "venezuelan": "VE",
    "venezuelans": "VE", "colombian": "CO", "colombians": "CO", "ecuadorian": "EC", "ecuadorians": "EC",
    "paraguayan": "PY", "paraguayans": "PY", "uruguayan": "UY", "uruguayans": "UY", "cuban": "CU",
    "cubans": "CU", "haitian": "HT", "haitians": "HT", "honduran": "HN", "hondurans": "HN",
    "guatemalan": "GT", "guatemalans": "GT", "nicaraguan": "NI", "salvadoran": "SV", "panamanian": "PA",
    "american": "US", "americans": "US", "canadian": "CA", "british": "GB", "english": "GB",
    "french": "FR", "german": "DE", "spanish": "ES", "italian": "IT", "russian": "RU", "russians": "RU",
    "chinese": "CN", "japanese": "JP", "indian": "IN", "israeli": "IL", "iranian": "IR", "iraqi": "IQ",
    "syrian": "SY", "turkish": "TR", "ukrainian": "UA", "european": None, "african": None, "asian": None,
    "latin": None, "caribbean": None, "andean": None, "indigenous": None,
    "palestinian": "PS", "palestinians": "PS", "egyptian": "EG", "egyptians": "EG", "sudanese": "SD",
    "afghan": "AF", "afghans": "AF", "pakistani": "PK", "pakistanis": "PK", "somali": "SO", "kenyan": "KE",
    "nigerian": "NG", "ethiopian": "ET", "jamaican": "JM", "irish": "IE", "dutch": "NL", "swedish": "SE",
    "norwegian": "NO", "polish": "PL", "greek": "GR", "vietnamese": "VN", "filipino": "PH", "thai": "TH",
    "indonesian": "ID", "australian": "AU", "australians": "AU", "saudi": "SA", "lebanese": "LB",
    "jordanian": "JO", "yemeni": "YE", "libyan": "LY", "tunisian": "TN", "moroccan": "MA", "algerian": "DZ",
    "zimbabwean": "ZW", "ugandan": "UG", "rwandan": "RW", "congolese": "CD", "ghanaian": "GH",
    "georgian": "GE", "georgians": "GE", "belarusian": "BY", "portuguese": "PT", "swiss": "CH",
    "austrian": "AT", "belgian": "BE", "danish": "DK", "finnish": "FI", "hungarian": "HU", "czech": "CZ",
    "romanian": "RO", "serbian": "RS", "croatian": "HR", "bosnian": "BA", "albanian": "AL", "armenian": "AM",
    "azerbaijani": "AZ", "kazakh": "KZ", "uzbek": "UZ", "mongolian": "MN", "tibetan": None, "taiwanese": "TW",
    "malaysian": "MY", "singaporean": "SG", "burmese": "MM", "cambodian": "KH", "nepalese": "NP",
    "bangladeshi": "BD", "sri": None, "qatari": "QA", "emirati": "AE", "kuwaiti": "KW", "omani": "OM",
    "bahraini": "BH", "cypriot": "CY", "icelandic": "IS", "scottish": "GB", "welsh": "GB", "korean": None,
    "koreans": None, "arab": None, "arabs": None, "muslim": None, "christian": None,
    "dominican": "DO", "puerto": None, "costa": None, "nicaraguans": "NI", "panamanians": "PA",
}

# Words right after a single-word name that make it a person ("Morales said").
PERSON_VERBS = frozenset("""
said says told tells stated states added argued asked announced accused called claimed declared
denied insisted noted replied responded warned wrote tweeted explained admitted urged vowed promised
resigned fled returned met spoke
""".split())

# Words right before a name that make it a place.
LOCATIVE_CUES = frozenset("""
in at from to near into across outside inside toward towards around through throughout via
en desde hacia cerca
""".split())
PLACE_NOUNS = frozenset("""
city town village community district province department region state capital municipality
neighborhood neighbourhood suburb country island islands valley highlands lowlands port
ciudad pueblo comunidad distrito provincia departamento región estado municipio barrio zona
""".split())

# Abbreviations news writes for countries and states, matched exactly (dots and case), so
# that "La", "Del" and "Miss" stay words. Value: (country, GeoNames admin-1 code or "").
# Multi-part forms ("U.S.", "W.Va.") stand alone; single ones ("Ky.") only after a town
# ("Louisville, Ky."), where AP style puts them.
PLACE_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "U.S.": ("US", ""), "U.S.A.": ("US", ""), "U.K.": ("GB", ""), "U.A.E.": ("AE", ""),
    "D.C.": ("US", "DC"), "Ala.": ("US", "AL"), "Ariz.": ("US", "AZ"), "Ark.": ("US", "AR"),
    "Calif.": ("US", "CA"), "Cal.": ("US", "CA"), "Colo.": ("US", "CO"), "Conn.": ("US", "CT"),
    "Del.": ("US", "DE"), "Fla.": ("US", "FL"), "Ga.": ("US", "GA"), "Ill.": ("US", "IL"),
    "Ind.": ("US", "IN"), "Kan.": ("US", "KS"), "Kans.": ("US", "KS"), "Ky.": ("US", "KY"),
    "La.": ("US", "LA"), "Md.": ("US", "MD"), "Mass.": ("US", "MA"), "Mich.": ("US", "MI"),
    "Minn.": ("US", "MN"), "Miss.": ("US", "MS"), "Mo.": ("US", "MO"), "Mont.": ("US", "MT"),
    "Neb.": ("US", "NE"), "Nebr.": ("US", "NE"), "Nev.": ("US", "NV"), "N.H.": ("US", "NH"),
    "N.J.": ("US", "NJ"), "N.M.": ("US", "NM"), "N.Mex.": ("US", "NM"), "N.Y.": ("US", "NY"),
    "N.C.": ("US", "NC"), "N.D.": ("US", "ND"), "N.Dak.": ("US", "ND"), "Okla.": ("US", "OK"),
    "Ore.": ("US", "OR"), "Oreg.": ("US", "OR"), "Pa.": ("US", "PA"), "Penn.": ("US", "PA"),
    "R.I.": ("US", "RI"), "S.C.": ("US", "SC"), "S.D.": ("US", "SD"), "S.Dak.": ("US", "SD"),
    "Tenn.": ("US", "TN"), "Tex.": ("US", "TX"), "Vt.": ("US", "VT"), "Va.": ("US", "VA"),
    "Wash.": ("US", "WA"), "W.Va.": ("US", "WV"), "W. Va.": ("US", "WV"), "Wis.": ("US", "WI"),
    "Wisc.": ("US", "WI"), "Wyo.": ("US", "WY"),
    "Alta.": ("CA", "01"), "B.C.": ("CA", "02"), "Man.": ("CA", "03"), "N.B.": ("CA", "04"),
    "Nfld.": ("CA", "05"), "N.S.": ("CA", "07"), "Ont.": ("CA", "08"), "P.E.I.": ("CA", "09"),
    "Que.": ("CA", "10"), "Sask.": ("CA", "11"),
}
# The Postal Service's codes, as web pages and TV stations write a state after a town
# ("MEMPHIS, TN (WMC)", "Richmond, VA"): only there, for "IN", "OR" and "ME" are words.
STATE_CODES = frozenset("""AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY""".split())
PLACE_ABBREVIATIONS.update((code, ("US", code)) for code in STATE_CODES)

# Words that name a place only inside a longer name ("Metro Manila"): alone, "Metro" is a city's
# police or government ("Louisville Metro police"), and "Downtown" the centre of the story's city.
NEVER_ALONE = frozenset({"metro", "downtown"})
