"""Recognition rules on sentences of the kind news articles are made of."""

from __future__ import annotations

import pytest

from geo.articles import Article
from geo.toponyms import Toponymer
from tests.conftest import KANSAS_PAPER, km


@pytest.fixture(scope="module")
def toponymer(gazetteer):
    return Toponymer(gazetteer)


def names(toponymer, text, **kw):
    return [(m.text, m.country) for m in toponymer.find(Article.from_text(text, **kw))]


def outlet_articles(texts, outlet):
    """One outlet's articles, with ids "0", "1", ... in order."""
    return [Article.from_text(t, article_id=str(i), outlet=outlet) for i, t in enumerate(texts)]


def test_facility_named_after_a_place_is_not_the_place(toponymer):
    found = names(toponymer, "The wounded were taken to the Mexico Hospital in Sacaba, Cochabamba.")
    assert ("Mexico", "MX") not in found and ("Sacaba", "BO") in found


def test_people_named_like_places(toponymer):
    text = ("Former president Carlos Mesa urged calm. Later Mesa met Luis Fernando Camacho in Santa Cruz. "
            "Camacho said the protests would go on. Evo Morales left for Mexico. Morales told reporters.")
    found = [t for t, _ in names(toponymer, text)]
    assert "Mesa" not in found and "Camacho" not in found and "Morales" not in found
    assert "Santa Cruz" in found and "Mexico" in found


def test_outlets_and_organisations(toponymer):
    text = ("El País and Europe Press reported that the Organization of American States met. "
            "Al-Jazeera interviewed marchers in El Alto.")
    assert [t for t, _ in names(toponymer, text)] == ["El Alto"]


def test_possessive_and_dateline(toponymer):
    found = names(toponymer, "SACABA, Bolivia (AP) — Bolivia's interim government sent troops to Cochabamba.")
    assert [t for t, _ in found] == ["SACABA", "Bolivia", "Bolivia", "Cochabamba"]


def test_accents_optional(toponymer):
    a = toponymer.find(Article.from_text("Marchers reached Potosi and then Potosí."))
    assert len(a) == 2 and a[0].gazetteer_id == a[1].gazetteer_id


def test_qualifier_picks_the_right_huayllani(toponymer):
    found = toponymer.find(Article.from_text("Nine died in Huayllani, Cochabamba. Huayllani mourned."))
    huayllani = [m for m in found if m.text == "Huayllani"]
    assert len(huayllani) == 2
    assert all(km(m.place.lat, m.place.lon, -17.3964, -66.0570) < 5 for m in huayllani)


def test_demonyms_only_on_request(gazetteer):
    text = "Bolivian troops fired on Chilean tourists in La Paz."
    assert [t for t, _ in names(Toponymer(gazetteer), text)] == ["La Paz"]
    with_demonyms = names(Toponymer(gazetteer, demonyms=True), text)
    assert with_demonyms == [("Bolivian", "BO"), ("Chilean", "CL"), ("La Paz", "BO")]
    # "Canadian" and "Spanish" are also towns (Texas, Ontario): one mention each, the country.
    assert names(Toponymer(gazetteer, demonyms=True), "Canadian and Spanish officials met.") == [
        ("Canadian", "CA"), ("Spanish", "ES")]


def test_small_places_need_a_cue(toponymer):
    # "Well" and "Man" are villages somewhere; as sentence openers they are words.
    assert names(toponymer, "Well, the march went on. Man is mortal.") == []


def test_places_the_gazetteer_lacks_are_kept_unresolved(toponymer):
    found = toponymer.find(Article.from_text(
        "Troops entered the village of Qaqachaka Wayra and then Tunupa Grande Province, near Oruro."))
    unresolved = [(m.text, m.place) for m in found if m.place is None]
    assert unresolved == [("Qaqachaka Wayra", None), ("Tunupa Grande", None)]
    assert [m.text for m in found if m.place is not None] == ["Oruro"]


def test_state_abbreviations_qualify_the_town_before_them(toponymer):
    found = toponymer.find(Article.from_text(
        "Delegates from Paris, Tenn., Louisville, Ky., and Charleston, W.Va., met U.S. officials."))
    got = {m.text: m for m in found}
    assert list(got) == ["Paris", "Tenn.", "Louisville", "Ky.", "Charleston", "W.Va.", "U.S."]
    assert km(got["Paris"].place.lat, got["Paris"].place.lon, 36.302, -88.326) < 10  # Paris, Tennessee, not France
    assert got["Tenn."].name == "Tennessee" and got["Tenn."].feature == "admin1"
    assert km(got["Charleston"].place.lat, got["Charleston"].place.lon, 38.350, -81.633) < 10  # not South Carolina's
    assert got["U.S."].feature == "country" and got["U.S."].country == "US"


def test_abbreviations_that_are_words_need_a_town_before_them(toponymer):
    # "Miss." is a title, "La" an article, "Ind." a party label: only "Jackson, Miss." is a state.
    found = names(toponymer, "Miss. Smith, R-Ind., sang La Bamba in Jackson, Miss. on Friday.")
    assert [t for t, _ in found] == ["Jackson", "Miss."]


def test_postal_codes_qualify_the_town_before_them_and_nothing_else(toponymer):
    # Web pages and TV stations write the Postal Service's code: "MEMPHIS, TN (WMC)", "Richmond, VA".
    found = toponymer.find(Article.from_text(
        "MEMPHIS, TN (WMC) - Two men were shot. IN brief: friends came from Portland, ME and from Richmond, VA."))
    got = {m.text: m for m in found}
    assert list(got) == ["MEMPHIS", "TN", "Portland", "ME", "Richmond", "VA"]
    assert got["TN"].name == "Tennessee" and got["ME"].name == "Maine" and got["VA"].name == "Virginia"
    assert km(got["Portland"].place.lat, got["Portland"].place.lon, 43.661, -70.255) < 10  # Maine's, not Oregon's
    assert got["Richmond"].admin1 == "Virginia"


def test_a_headlines_capitals_make_no_place_of_a_word(gazetteer):
    # In Title Case every word is capitalised: "Man" is no town of Côte d'Ivoire, whatever modifiers count.
    text = "4 Women, Man Shot At Vigil In West Baltimore\n\nPolice said the five were shot in Baltimore on Monday."
    for toponymer in (Toponymer(gazetteer), Toponymer(gazetteer, modifiers=True)):
        assert [(m.text, m.admin1) for m in toponymer.find(Article.from_text(text))] == [
            ("Baltimore", "Maryland"), ("Baltimore", "Maryland")]


def test_a_given_name_before_an_institutions_word_is_a_towns_name(gazetteer):
    # "Salina" and "Douglas" are given names too, but no one is called "Police" after them.
    toponymer = Toponymer(gazetteer, modifiers=True)
    found = toponymer.find(Article.from_text("Salina Police are investigating. Salina Smith said nothing."))
    assert [(m.text, m.admin1) for m in found] == [("Salina", "Kansas")]


def test_institutions_named_after_a_country_only_count_as_modifiers(gazetteer):
    text = "The U.S. Army flew to Fargo. Fargo Mayor Dennis Walaker said the Ford Motor plant closed."
    assert [t for t, _ in names(Toponymer(gazetteer), text)] == ["Fargo"]
    # LGL-style annotation counts places naming something else, but a car maker is not one.
    assert [t for t, _ in names(Toponymer(gazetteer, modifiers=True), text)] == ["U.S.", "Fargo", "Fargo"]
    text = "Environment Canada warned Evo Morales. The Government of Alberta agreed."
    assert names(Toponymer(gazetteer), text) == []
    assert names(Toponymer(gazetteer, modifiers=True), text) == [("Canada", "CA"), ("Alberta", "CA")]


def test_counties_resolve_within_their_state(toponymer):
    found = toponymer.find(Article.from_text(
        "Deputies searched Hall County, Ga., and then Avoyelles Parish. A Ford truck was found."))
    got = {m.text: m for m in found}
    assert list(got) == ["Hall County", "Ga.", "Avoyelles Parish"]
    assert got["Hall County"].admin1 == "Georgia" and km(got["Hall County"].place.lat, got["Hall County"].place.lon,
                                                         34.32, -83.82) < 30
    assert got["Avoyelles Parish"].admin1 == "Louisiana"


def test_a_persons_home_town_is_a_place_and_not_part_of_the_name(toponymer):
    found = names(toponymer, "Steven Sachs of Alexandria was driving. Police in Alexandria said nothing.")
    assert [t for t, _ in found] == ["Alexandria", "Alexandria"]
    # ...while an institution "of" a place is not the place.
    assert names(toponymer, "The Bank of Alexandria lent nothing.") == []


def test_big_cities_may_open_a_sentence_words_may_not(toponymer):
    found = names(toponymer, "It snowed. Reading the report, we left. Nice to meet you. Ottawa has said no.")
    assert found == [("Ottawa", "CA")]


def test_all_caps_datelines(toponymer):
    found = names(toponymer, "Council meets. ATLANTA - A nurse testified. CORSICANA — A woman was sentenced.")
    assert found == [("ATLANTA", "US"), ("CORSICANA", "US")]


def test_streets_and_rivers_are_placed_at_the_articles_town(toponymer):
    found = toponymer.find(Article.from_text(
        "Police in Fargo, N.D., closed Warden’s Memphis Street as the Red River rose. Wall Street fell; "
        "the Main Street Bank shut. Crews worked on County Road 43. Fargo police said."))
    local = [m for m in found if m.feature == "local"]
    assert [(m.text, m.name) for m in local] == [("Memphis Street", "Memphis Street, Fargo"),
                                                 ("Red River", "Red River, Fargo")]
    fargo = next(m for m in found if m.text == "Fargo")
    assert km(fargo.place.lat, fargo.place.lon, 46.877, -96.790) < 10  # Fargo, North Dakota
    assert all((m.place.lat, m.place.lon) == (fargo.place.lat, fargo.place.lon) for m in local)
    # No town in the article: the street is kept, unresolved (a sentence's period is not its name's).
    alone = toponymer.find(Article.from_text("The parade went down Elm Street. It stopped in the 5100 block of Call Place."))
    assert [(m.text, m.place) for m in alone] == [("Elm Street", None), ("Call Place", None)]
    # No town but a county: the street is placed at the county.
    county = toponymer.find(Article.from_text("Riley County deputies closed Elm Street on Monday."))
    assert [(m.text, m.name) for m in county] == [("Riley County", "Riley County"), ("Elm Street", "Elm Street, Riley County")]


def test_a_street_of_a_story_naming_no_town_is_in_its_outlets_town(toponymer):
    arts = outlet_articles(KANSAS_PAPER + ["Police closed the 800 block of Elm Street on Monday."], "Mercury")
    assert toponymer.find(arts[3])[0].place is None  # read alone: no town
    found = toponymer.find_all(arts)["3"]
    assert [m.text for m in found] == ["Elm Street"] and found[0].name.startswith("Elm Street, ")
    assert km(found[0].place.lat, found[0].place.lon, 39.03, -96.83) < 60  # the paper's town, in Kansas


def test_a_streets_town_is_its_storys_dateline(toponymer):
    # A photo credit's name before the dateline is neither the dateline nor the street's town.
    found = toponymer.find(Article.from_text(
        "(Photo: Winstrom, Sam)\nNEW ORLEANS -- Two teens were shot in the 2100 block of Desire Street."))
    street = next(m for m in found if m.text == "Desire Street")
    assert (street.name, street.admin1) == ("Desire Street, New Orleans", "Louisiana")


def test_a_given_name_that_only_an_alias_makes_a_place_is_a_persons(toponymer):
    # "Sam" is one of Damascus's other names; "Jordan" is the country's own.
    assert names(toponymer, "(Photo: Winstrom, Sam)\nTalks in Amman ended on Monday; Jordan is a kingdom.") == [
        ("Amman", "JO"), ("Jordan", "JO")]
    assert names(toponymer, "Flights to Sam and Paris were cancelled.")[0][0] == "Sam"  # cued: a place


def test_a_time_in_a_us_time_zone_puts_the_story_in_the_us(toponymer):
    text = "Police in Birmingham said a juvenile was shot in Ensley. Posted: Thursday, July 30, 2015 6:02 PM EDT"
    assert names(toponymer, text)[0] == ("Birmingham", "US")
    assert names(toponymer, "Police in Birmingham said a juvenile was shot in Ensley.")[0] == ("Birmingham", "GB")


def test_a_local_outlets_home_settles_namesakes(toponymer):
    arts = outlet_articles(KANSAS_PAPER + ["Manhattan police said the suspect fled."], "Mercury")
    alone = toponymer.find(arts[3])
    assert alone[0].admin1 == "New York"  # without the outlet, the biggest Manhattan
    found = toponymer.find_all(arts)
    assert found["3"][0].admin1 == "Kansas"  # the paper is based in Kansas
    # The second pass finds each mention once, demonyms included.
    twice = Toponymer(toponymer.gazetteer, demonyms=True).find_all(
        [Article.from_text(a.raw + " An American fled.", article_id=a.article_id, outlet="Mercury") for a in arts])
    assert all(len({(m.start, m.end) for m in ms}) == len(ms) for ms in twice.values())
    assert [m.text for m in twice["3"]] == ["Manhattan", "American"]
    # A wire service whose places scatter has no home: nothing changes.
    wire = ["Talks in Geneva stalled.", "Floods hit Dhaka.", "Protests in Santiago, Chile.",
            "Manhattan police said the suspect fled."]
    arts = outlet_articles(wire, "Wire")
    assert toponymer.find_all(arts)["3"][0].admin1 == "New York"


def test_a_paper_named_after_its_town(toponymer):
    texts = ["A crash in Berea, Ky., closed the road.", "Schools in Madison County, Ky., opened late.",
             "Officers in Berea and in Irvine searched.", "The man fled to Richmond, police said."]
    arts = outlet_articles(texts, "richmondregister.com")
    assert toponymer.find(arts[3])[0].admin1 == "Virginia"  # alone: the biggest Richmond
    assert toponymer.find_all(arts)["3"][0].admin1 == "Kentucky"  # the Richmond Register's Richmond


def test_an_outlets_country_domain_sets_the_focus(toponymer):
    text = "Police in London charged a man after a crash on Richmond Street."
    where = {o: [(m.text, m.admin1) for m in toponymer.find(Article.from_text(text, outlet=o))]
             for o in (None, "www.lfpress.ca", "www.bbc.co.uk", "Workers World")}
    assert where["www.lfpress.ca"] == [("London", "Ontario"), ("Richmond Street", "Ontario")]
    assert where[None] == where["www.bbc.co.uk"] == where["Workers World"] == [
        ("London", "England"), ("Richmond Street", "England")]


def test_a_country_name_that_is_a_local_town(toponymer):
    town = toponymer.find(Article.from_text(
        "Anderson County deputies and Freestone County officers searched Palestine and Elkhart on Monday."))
    got = {m.text: m for m in town}
    assert got["Palestine"].country == "US" and got["Palestine"].admin1 == "Texas"
    # Named with the Middle East around it, it stays the country.
    abroad = names(toponymer, "Talks between Israel and Egypt on Palestine resumed in Cairo.")
    assert ("Palestine", "PS") in abroad


def test_extractor_and_recogniser_survive_any_text(gazetteer):
    from hypothesis import given, settings, strategies as st

    from geo.incidents import Extractor

    words = st.sampled_from(["On", "Nov.", "19", ",", "police", "killed", "nine", "people", "in", "El", "Alto",
                             "marched", "from", "to", "La", "Paz", "yesterday", "the", "following", "day", ".",
                             "\n\n", "“", "”", "will", "blockade", "since", "at least", "more than", "thirty"])
    ex = Extractor(Toponymer(gazetteer))

    @settings(max_examples=150, deadline=None)
    @given(st.lists(words, max_size=50), st.text(max_size=80))
    def check(parts, noise):
        art = Article.from_text(" ".join(parts) + noise, published=None)
        for r in ex.reports(art):
            assert art.raw[r.start:r.end].split()[:1] == r.quote.split()[:1]

    check()


def test_find_all_survives_any_text_and_outlet(gazetteer):
    from hypothesis import given, settings, strategies as st

    words = st.sampled_from(["Paris", ",", "Tenn.", "Ky.", "U.S.", "W.Va.", "Miss.", "Memphis", "Street", "Red",
                             "River", "ATLANTA", "—", "-", "of", "on", "y", "Steven", "Sachs", "said", "Canadian",
                             "Palestine", "Anderson", "County", "in", "Avenida", "Lake", "I’ve", "Reading", "the",
                             ".", "\n\n", "Fargo", "Mayor", "Environment", "Canada", "Washington", "D.C."])
    outlets = st.one_of(st.none(), st.sampled_from(["richmondregister.com", "www.bbc.co.uk", "The Town Talk",
                                                    "news.co", "x"]), st.text(max_size=20))
    t = Toponymer(gazetteer, demonyms=True, modifiers=True)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.tuples(st.lists(words, max_size=30), outlets), min_size=1, max_size=5))
    def check(docs):
        arts = [Article.from_text(" ".join(w), article_id=str(i), outlet=o) for i, (w, o) in enumerate(docs)]
        found = t.find_all(arts)
        for a in arts:
            spans = [(m.start, m.end) for m in found[a.article_id]]
            assert len(spans) == len(set(spans))
            assert all(a.raw[m.start:m.end] == m.text for m in found[a.article_id])

    check()


def test_token_scan_sees_the_words_a_full_word_scan_would():
    """The recogniser's scan skips lower-case prose inside the regex (for speed); it must start
    and end words exactly where the full word scan does ("pro-Morales" stays one word)."""
    from hypothesis import given, settings, strategies as st

    from geo.geoparse.tokens import CONNECTORS, TOKEN as _TOKEN, WORD as _WORD

    pieces = st.sampled_from(["El", "Alto", "pro", "Morales", "y", "de", "of", "the", "Ávila", "évora", "über",
                              "U.S.", "St.", "Louis", "d", "Alene", "O", "Brien", "Al", "Jazeera", "s", "x", "Ü"])
    glue = st.sampled_from([" ", "-", "’", "'", ".", ". ", ", ", "\n", "] ", " ["])

    def wanted(rx, text):
        return [(m.start(), m.end()) for m in rx.finditer(text) if m.group()[:1].isupper() or m.group() in CONNECTORS]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.tuples(pieces, glue), max_size=12))
    def check(parts):
        text = "".join(p + g for p, g in parts)
        assert wanted(_TOKEN, text) == wanted(_WORD, text)

    check()


def test_a_local_outlets_home_reaches_past_the_best_known_namesakes(toponymer):
    # The United States have some twenty Clintons; the Middletown paper's is the Connecticut
    # town (41.28 N, 72.53 W), far down a list ranked by size.
    texts = ["Middletown police and Cromwell officers met in Middletown, Conn.",
             "Portland and Middletown schools closed for the storm.",
             "CLINTON — A town couple faces multiple drug counts in Clinton."]
    arts = outlet_articles(texts, "The Middletown Press")
    clinton = [m for m in toponymer.find_all(arts)["2"] if m.text == "Clinton"][0]
    assert km(clinton.place.lat, clinton.place.lon, 41.28, -72.53) < 10, (clinton.admin1, clinton.place.lat, clinton.place.lon)


def test_a_list_of_towns_is_not_a_town_and_its_qualifier(toponymer):
    text = "A study of passenger rail service connecting Cleveland, Columbus, Dayton and Cincinnati."
    found = {m.text: m for m in toponymer.find(Article.from_text(text))}
    assert km(found["Columbus"].place.lat, found["Columbus"].place.lon, 39.96, -83.00) < 20  # Ohio's, not New Jersey's
    # A region still qualifies inside a list, and an address is not a list.
    found = {m.text: m for m in toponymer.find(Article.from_text("Paris, Texas, and Dallas voted."))}
    assert found["Paris"].admin1 == "Texas"
    found = {m.text: m for m in toponymer.find(Article.from_text("Police fired in Huayllani, Sacaba, Cochabamba."))}
    assert km(found["Huayllani"].place.lat, found["Huayllani"].place.lon, -17.3964, -66.0570) < 5


def test_names_listed_before_counties_are_counties(toponymer):
    text = "The combined population of Douglas, Sarpy and Lancaster counties grew, Nebraska officials said."
    found = {m.text: m for m in toponymer.find(Article.from_text(text))}
    assert {found[n].name for n in ("Douglas", "Sarpy", "Lancaster")} == {
        "Douglas County", "Sarpy County", "Lancaster County"}
    assert km(found["Lancaster"].place.lat, found["Lancaster"].place.lon, 40.78, -96.68) < 40  # around Lincoln
    # Only a county by that name: "Clarke" is not a town.
    text = "The metro area - Clarke, Madison, Oconee and Oglethorpe counties - grew in Georgia."
    assert [m.name for m in toponymer.find(Article.from_text(text))][:4] == [
        "Clarke County", "Madison County", "Oconee County", "Oglethorpe County"]
    # A list of counties is not a county and its qualifier ("Douglas" is also a region elsewhere).
    text = "Water is over roads in Becker, Clay, Douglas, Grant, Otter Tail and Wilkin counties."
    found = {m.text: m for m in toponymer.find(Article.from_text(text))}
    assert (found["Clay"].name, found["Clay"].admin1) == ("Clay County", "Minnesota")
    # One name before "counties" is not a county: these are the counties around Athens.
    text = "Jobless rates rose in the four metro Athens counties, the Georgia Department of Labor said."
    assert "County" not in [m.name for m in toponymer.find(Article.from_text(text))][0]
    text = "Storms hit from Ellsworth to Riley counties in Kansas."
    found = {m.text: m.name for m in toponymer.find(Article.from_text(text))}
    assert (found["Ellsworth"], found["Riley"]) == ("Ellsworth County", "Riley County")
    # A state before "counties" is the state.
    assert [m.name for m in toponymer.find(Article.from_text("Most Kansas counties voted."))] == ["Kansas"]


def test_a_country_the_story_names_counts_as_much_as_its_focus(toponymer):
    # The story is about Syria (its focus), but names Canada: the rally's London is Ontario's.
    text = ("Organizers of a London rally for the people of Aleppo thanked Canada for what it has done. "
            "“Free Syria,” they chanted. Syria's war goes on, and Canada's stand is appreciated.")
    london = [m for m in toponymer.find(Article.from_text(text)) if m.text == "London"][0]
    assert (london.country, london.admin1) == ("CA", "Ontario")


def test_an_outlets_stories_share_the_sense_one_of_them_settled(toponymer):
    # lfpress.com: one story says where its London is (it names Canada); the others say only "London".
    texts = [("Organizers of a London rally for the people of Aleppo thanked Canada for what it has done. "
              "“Free Syria,” they chanted. Syria's war goes on, and Canada's stand is appreciated."),
             "London’s crystal meth crisis has prompted the city’s homeless coalition to launch a campaign.",
             "A company Christmas party turned deadly early Sunday with a stabbing, London police say."]
    arts = outlet_articles(texts, "www.lfpress.com")
    found = toponymer.find_all(arts)
    assert {(m.country, m.admin1) for i in "012" for m in found[i] if m.text.startswith("London")} == {
        ("CA", "Ontario")}
    # Alone, "London" is England's capital; and a story that says so keeps it.
    assert toponymer.find(arts[1])[0].country == "GB"
    arts.append(Article.from_text("The band flew from London, England, to Toronto. In London the tour begins.",
                                  article_id="3", outlet="www.lfpress.com"))
    assert {m.country for m in toponymer.find_all(arts)["3"] if m.text == "London"} == {"GB"}


def test_one_story_about_a_namesake_does_not_move_the_outlets_town(toponymer):
    texts = ["Richmond police and Henrico County deputies searched Petersburg and Chesterfield.",
             "The Richmond City Council met in Richmond; Hanover County and Chesterfield joined.",
             "A crash closed Interstate 95 near Richmond and Petersburg, Virginia State Police said.",
             "In Richmond, Calif., the Chevron refinery near Oakland and Berkeley caught fire.",
             "Schools in Richmond reopened on Monday."]
    arts = outlet_articles(texts, "Richmond Times-Dispatch")
    found = toponymer.find_all(arts)
    assert [m.admin1 for m in found["3"] if m.text == "Richmond"] == ["California"]
    assert [m.admin1 for m in found["4"] if m.text == "Richmond"] == ["Virginia"]


def test_a_town_the_gazetteer_lacks_is_placed_in_the_region_that_qualifies_it(toponymer):
    # No Grantville in Pennsylvania in the gazetteer (Georgia has one): the state says where it is.
    found = {m.text: m for m in toponymer.find(Article.from_text(
        "Martha was born in Grantville, Pennsylvania, on November 4, 1913."))}
    assert (found["Grantville"].feature, found["Grantville"].name) == ("admin1", "Pennsylvania")
    # A list is not an address: Kiev stays Kiev.
    found = {m.text: m for m in toponymer.find(Article.from_text(
        "Flights between New York and Moscow, Kiev, Minsk and Riga start next year."))}
    assert found["Kiev"].country == "UA"


def test_a_papers_own_town_is_itself(toponymer):
    texts = ["Woodstock police and Ingersoll firefighters met in Woodstock, Ont.",
             "Tillsonburg and Ingersoll councils met in Woodstock on Monday.",
             "A crash closed Highway 401 between Woodstock and Ingersoll.",
             "St. Mary's students from London and Oxford are dropped off first in Woodstock, the English board said."]
    arts = outlet_articles(texts, "Sentinel-Review")
    woodstock = [m for m in toponymer.find_all(arts)["3"] if m.text == "Woodstock"][0]
    assert (woodstock.country, woodstock.admin1) == ("CA", "Ontario")


def test_an_outlets_home_is_a_mention_from_its_own_stories():
    from geo.articles import Article
    from geo.geoparse import Geoparser
    from geo.geoparse.outlets import outlet_homes

    g = Geoparser()
    texts = ["A fire in Alexandria, La., and in Pineville.", "Pineville council met.", "Alexandria, La., mourns."]
    arts = [Article.from_text(t, article_id=str(i), outlet="The Town Talk") for i, t in enumerate(texts)]
    arts.append(Article.from_text("ALEXANDRIA, La. — A storm hit.", article_id="x", outlet="Other News"))
    home = outlet_homes(arts, {a.article_id: g.find(a) for a in arts}, g.names)["The Town Talk"]
    assert home.text == "Alexandria"


def test_a_name_given_an_age_or_a_home_town_is_a_persons(gazetteer):
    # Rodriguez is a city of 300,000 in the Philippines, which needs no cue; given an age or a
    # home, the surname after an unlisted given name is a person's. Read with modifiers counted,
    # as the incident extractor reads local news.
    reader = Toponymer(gazetteer, modifiers=True)
    for text in ("Tavion Rodriguez, 15, was killed on Friday. Rodriguez was a student.",
                 "Police said Kadeem Rodriguez, of the 900 block of Elm Street, was shot.",
                 "The body of Kadeem Rodriguez, of Homestead, was found. Rodriguez had been shot."):
        assert "Rodriguez" not in [t for t, _ in names(reader, text)], text
    # Census given names: the surname after them is a person's too (Salazar, Williams).
    text = ("Police said Jaime Salazar was driving. Salazar later died. Trevor Andre Williams was hurt. "
            "Deputies in Mesa, 15 miles east of Phoenix, made an arrest.")
    found = [t for t, _ in names(reader, text)]
    assert "Salazar" not in found and "Williams" not in found and {"Mesa", "Phoenix"} <= set(found)


def test_a_citys_sides_and_possessive_counties(toponymer):
    # "South Side" alone is another name of a Staten Island village, "Prince George" a Virginia
    # town: here they are a part of Chicago and the Maryland county.
    text = ("CHICAGO — Two men were shot on the city's South Side. Later a girl was hurt on the Far West Side. "
            "In Maryland, six people were shot in Prince George’s County.")
    found = {m.text: m for m in toponymer.find(Article.from_text(text))}
    chicago = found["CHICAGO"].place
    for side in ("South Side", "Far West Side"):
        assert found[side].feature == "local" and km(*found[side].place.point, *chicago.point) < 1
    county = found["Prince George’s County"]
    assert (county.name, county.admin1, county.feature) == ("Prince George's County", "Maryland", "admin2")


def test_an_abbreviated_state_and_the_towns_near_the_story_settle_namesakes(toponymer):
    # "Wash." is the state, not the capital beside Arlington, Virginia; the Wilson near
    # Ellsworth County and Salina is the Kansas village, not the bigger Oklahoma town.
    found = {m.text: m.admin1 for m in toponymer.find(Article.from_text(
        "A deputy was shot in Arlington, Wash., on Friday. Deputies in Ellsworth County are looking "
        "for a gunman near Wilson. The wounded deputy was flown to Salina."))}
    assert found["Arlington"] == "Washington"
    assert found["Wilson"] == "Kansas"


def test_a_small_town_named_only_in_a_hospitals_name_is_not_meant(gazetteer):
    reader = Toponymer(gazetteer, modifiers=True)
    found = [t for t, _ in names(reader, "A man shot in Chicago was taken to Mount Sinai Hospital, where he died. "
                                         "A second victim was treated at Saint Francis Medical Center in Evanston.")]
    assert "Mount Sinai" not in found and {"Chicago", "Evanston"} <= set(found)


def test_a_given_name_that_is_also_another_name_of_a_city_is_a_persons(gazetteer):
    # GeoNames lists "Dave" among Dawei's names and "Ben" among Bern's.
    reader = Toponymer(gazetteer, modifiers=True)
    found = [t for t, _ in names(reader, "Tulsa Police sergeant Dave Walker said two had died. "
                                         "A boy was still in intensive care at Ben Taub in Houston.")]
    assert found == ["Tulsa", "Houston"]


def test_metro_and_downtown_alone_are_no_towns(gazetteer):
    # Metro is a city of Indonesia, Downtown a village of Maryland; alone in news they are a
    # city's police and centre. Inside a longer name they stay ("Metro Manila").
    reader = Toponymer(gazetteer, modifiers=True)
    found = names(reader, "A Louisville Metro police officer was hurt downtown on Sunday. Metro police said "
                          "Downtown businesses closed. Floods hit Metro Manila.")
    assert [t for t, _ in found] == ["Louisville", "Metro Manila"]


def test_a_hospital_named_after_a_small_town_is_the_hospital_where_the_story_goes_to_it(gazetteer):
    reader = Toponymer(gazetteer, modifiers=True)
    found = [t for t, _ in names(reader, "A man shot in Chicago was taken to Mount Sinai Hospital. His condition "
                                         "was stabilized at Mount Sinai, police said.")]
    assert found == ["Chicago"]


def test_a_surname_that_also_names_a_parish_somewhere_is_a_persons(gazetteer):
    # "Hamilton" is a parish of Bermuda: still, after "David Lee" it is a man's surname, and his
    # "Hamilton was located" must not pull Montgomery to the Ohio town beside Hamilton, Ohio.
    reader = Toponymer(gazetteer, modifiers=True)
    text = ("Cody Woodruff, 35, of Montgomery was killed. Police are investigating the stabbing death of "
            "David Lee Hamilton Jr., 31, of Montgomery. Hamilton was located suffering from a stab wound.")
    found = names(reader, text)
    assert [t for t, _ in found] == ["Montgomery", "Montgomery"]
    assert {m.admin1 for m in reader.find(Article.from_text(text))} == {"Alabama"}


def test_a_sentences_weak_first_word_does_not_choose_a_namesake(toponymer):
    # A first word admission drops ("Marion was arrested") is a person as often as a place: its
    # readings must not pull "Springfield" or "Jackson" to the namesake beside one of its own.
    def admin1s(text):
        return [(m.text, m.admin1) for m in toponymer.find(Article.from_text(text))]
    assert admin1s("Columbia was quiet. A man was shot in Jackson.") == [("Jackson", "Mississippi")]
    assert admin1s("Gainesville voters turned out early. Turnout for Gainesville City Elections "
                   "is up, Pam Carpenter said.")[0] == ("Gainesville", "Florida")


def test_a_town_inside_the_one_state_the_story_names_is_near_it(toponymer):
    # Lakewood, N.Y. (3,000 people) lies 400 km from the centre of New York state, farther than
    # the New Jersey Lakewood (54,000): inside the story's one state is what counts.
    found = {m.text: m.admin1 for m in toponymer.find(Article.from_text(
        "ELLICOTT, N.Y. — A hunter was found dead on Friday. Deputies from Lakewood helped the family."))}
    assert found["Lakewood"] == "New York"
    # Named beside another state, the nearer state's towns still win ("Monroe County" with Missouri's).
    found = {m.text: m.admin1 for m in toponymer.find(Article.from_text(
        "The family left Indiana. They picked a farm in Monroe County, near Paris and Hannibal, Missouri."))}
    assert found["Monroe County"] == "Missouri"


def test_a_town_the_gazetteer_lacks_stays_in_its_qualifiers_state(toponymer):
    # Neither Orient, Ohio, nor Holliday, Mo., is in the gazetteer: their state is, and it says
    # where later bare uses are (not Orient, New York, or Holliday, Texas).
    found = [(m.text, m.name) for m in toponymer.find(Article.from_text(
        "HOLLIDAY, Mo. — A man was arrested after a crash. He was held in a prison in Orient, Ohio. "
        "Police in Holliday said he would be moved to the reception center in Orient."))]
    assert found == [("HOLLIDAY", "Missouri"), ("Mo.", "Missouri"), ("Orient", "Ohio"), ("Ohio", "Ohio"),
                     ("Holliday", "Missouri"), ("Orient", "Ohio")]


def test_a_neighbourhood_the_story_names_without_its_town_is_in_the_storys_town(toponymer):
    # Roseland is a New Jersey town, "South Side" another name of a Staten Island village: as
    # neighbourhoods of a Chicago story they are placed at Chicago; Chatham, which the gazetteer
    # has in Chicago (and in New York), is Chicago's.
    found = toponymer.find(Article.from_text(
        "CHICAGO — Two boys were shot Friday in the Roseland neighborhood on the Far South Side. Roseland "
        "has seen three shootings. A man was hurt in the South Side Chatham neighborhood."))
    chicago = found[0].place
    assert [m.text for m in found] == ["CHICAGO", "Roseland", "Far South Side", "Roseland", "South Side", "Chatham"]
    for m in found[1:-1]:
        assert m.feature == "local" and m.place.admin1 == "Illinois" and km(*m.place.point, *chicago.point) < 1, m
    assert found[-1].gazetteer_id and km(*found[-1].place.point, *chicago.point) < 20


def test_a_name_introduced_by_a_persons_role_is_a_persons(gazetteer):
    # Hassan is a city of India, Bell one of California, Caroline another name of a Puerto Rican
    # town: named as someone's brother, wife or a victim, they are people. A place that only
    # interrupts such a phrase ("the suspect, Denver police said") is still a place.
    reader = Toponymer(gazetteer, modifiers=True)
    found = [t for t, _ in names(reader, "In Raleigh, the boy admitted shooting his brother, Suhayb Hassan, police "
                                         "said. Officers found Bell on the ground; police identified the man as "
                                         "Tyrone Bell, 24. He lived with his wife, Caroline. The suspect, Denver "
                                         "police said, fled.")]
    assert found == ["Raleigh", "Denver"]


def test_a_town_named_lake_something_is_a_town_and_a_lake_a_lake(gazetteer):
    reader = Toponymer(gazetteer, modifiers=True)
    found = reader.find(Article.from_text("The Lake Charles Police Department said a boy was shot. Lake Oswego police "
                                          "helped. Later a boat capsized on Lake Michigan near Chicago."))
    assert [(m.text, m.feature) for m in found] == [("Lake Charles", "town"), ("Lake Oswego", "town"),
                                                   ("Lake Michigan", "local"), ("Chicago", "city")]
    assert [m.admin1 for m in found[:2]] == ["Louisiana", "Oregon"]


def test_a_name_after_an_occupation_in_lower_case_is_a_persons(gazetteer):
    # Lowell (Massachusetts) signs a story that names streets only: it is no town to put them in.
    reader = Toponymer(gazetteer, modifiers=True)
    found = reader.find(Article.from_text(
        "City police were called to the 200 block of North Mount Street, where a boy shot himself in the foot.\n\n"
        "Later officers were called to the intersection of Federal and Bond streets, where a man was found shot.\n\n"
        "11 News reporter Lowell Melser and photographer Tracy B. Hill contributed to this story."))
    assert [(m.text, m.place) for m in found] == [("North Mount Street", None), ("Federal", None), ("Bond", None)]


def test_a_property_named_after_a_town_is_no_town(toponymer):
    # Lexington (Kentucky) and Pinewood (South Carolina) name apartment complexes in a Memphis story.
    found = [m.text for m in toponymer.find(Article.from_text(
        "MEMPHIS, Tenn. — Shots were fired at the Lexington Apartments on Sunday. Later a man was shot at "
        "the Pinewood Village Apartments."))]
    assert found == ["MEMPHIS", "Tenn."]


def test_the_street_of_a_block_is_a_street_with_or_without_its_type_word(toponymer):
    found = [(m.text, m.feature) for m in toponymer.find(Article.from_text(
        "CHICAGO — A boy was shot in the 6900 block of South Stewart, police said. A man was hurt in the "
        "900 block of West 96th Street Monday. Officers went to the 100 block of N. 23rd St. in Chicago."))]
    assert found == [("CHICAGO", "city"), ("South Stewart", "local"), ("West 96th Street", "local"),
                     ("N. 23rd St.", "local"), ("Chicago", "city")]


def test_a_word_admission_drops_gives_no_vote_to_a_namesake_beside_it(gazetteer):
    # "Branch" (a Minnesota town, here a police unit) is dropped; it must not pull Albany to
    # the Minnesota Albany beside it.
    reader = Toponymer(gazetteer, modifiers=True)
    found = reader.find(Article.from_text("The Albany Police Department responded to a shooting on Maryland Drive. "
                                          "The Criminal Investigation Branch is asking for tips."))
    assert [(m.text, m.admin1) for m in found if m.feature != "local"] == [("Albany", "New York")]


def test_a_name_with_an_initial_is_a_persons_and_ends_at_its_surname(toponymer):
    # "Sheriff T. Walton": the initial does not end the name, so Walton is the sheriff, no Kentucky town;
    # "Donald E. Sandidge Alton Law Enforcement Center": the surname ends the name, so Alton stays a town.
    sheriff = names(toponymer, "Sheriff T. Walton has confirmed that a gunman was shot and killed by deputies\n\n"
                               "The gunman was armed with a rifle, according to Walton\n\n"
                               "HESSTON, Kan. — Three people were killed at a plant in Hesston on Thursday.")
    assert [n for n, _ in sheriff] == ["HESSTON", "Kan.", "Hesston"]
    centre = names(toponymer, "ALTON, Ill. — A boy was shot on Monday. He was taken to the Donald E. Sandidge "
                              "Alton Law Enforcement Center. Alton police said a car was seen.")
    assert [n for n, _ in centre] == ["ALTON", "Ill.", "Alton"]


def test_a_chains_store_is_no_town_of_its_founders_name(toponymer):
    found = names(toponymer, "Two men were shot outside the McDonald's on University Avenue in East Palo Alto on Sunday. "
                             "A Macy's was closed.")
    assert [n for n, _ in found] == ["University Avenue", "East Palo Alto"]
    assert [n for n, _ in names(toponymer, "McDonald, Ohio police said a man was shot.")][:1] == ["McDonald"]


def test_a_street_is_placed_in_the_town_the_storys_places_gather_around(toponymer):
    # Springfield is named most, but Chicago has the story's suburbs around it: the block is Chicago's.
    found = toponymer.find(Article.from_text(
        "Three men from Springfield were shot in Chicago on Friday in the 100 block of South Racine Avenue. The men "
        "had driven up from Springfield for a party, and they were to return to Springfield on Sunday. Two were "
        "taken to hospitals in Cicero and Oak Lawn."))
    street = next(m for m in found if m.text == "South Racine Avenue")
    assert (street.place.name, street.place.admin1) == ("South Racine Avenue, Chicago", "Illinois")


def test_a_name_given_an_age_is_a_persons(toponymer):
    found = names(toponymer, "DETROIT — Cleveland Smelley, 31, is suspected of shooting the toddler. Police say "
                             "Cleveland then opened fire on seven people in a car on the east side.")
    assert [n for n, _ in found] == ["DETROIT"]


def test_a_region_named_outright_outweighs_a_citys_name_abroad(toponymer):
    # Alexandria (Egypt's is the better known) and Virginia vote one each; the state wins.
    found = names(toponymer, "ALEXANDRIA — Police in Alexandria said a man was shot on Sunday. It was the third "
                             "shooting in Virginia this month.")
    assert found == [("ALEXANDRIA", "US"), ("Alexandria", "US"), ("Virginia", "US")]


def test_a_smaller_city_abroad_named_bare_is_no_place_of_the_story(toponymer):
    found = names(toponymer, "JACKSONVILLE, Fla. — Detectives said a silver Toyota pulled up to the teens on "
                             "Moncrief Road and someone inside opened fire. A witness said the Toyota drove off.")
    assert ("Toyota", "JP") not in found and ("JACKSONVILLE", "US") in found
    # after "in", or a city of the world, it is still a place
    assert ("Toyota", "JP") in names(toponymer, "The carmaker's head office is in Toyota, Japan.")


def test_a_name_that_is_charged_or_arrested_is_a_persons_unless_a_preposition_places_it(toponymer):
    assert names(toponymer, "SALT LAKE CITY — Tran is charged in 3rd District Court with three counts of "
                            "aggravated murder.") == [("SALT LAKE CITY", "US")]
    assert names(toponymer, "A man who opened fire inside a restaurant in southeast Houston was arrested "
                            "Monday night.") == [("Houston", "US")]
    # shot, or among those shot: a person too (Jackson, Michigan, is a city, named bare or not)
    assert names(toponymer, "CHICAGO — Police said Jackson was shot in the leg on Sunday.") == [("CHICAGO", "US")]
    assert names(toponymer, "CHICAGO — Jackson was among five people shot on Sunday.") == [("CHICAGO", "US")]


def test_two_streets_one_type_word_names_are_streets_of_the_town(toponymer):
    # "Brook" alone is a town in Indiana, and would pull Hartford to Michigan, its neighbour.
    found = toponymer.find(Article.from_text("HARTFORD — Four young people were shot at Brook and Winter streets "
                                             "on Friday night, police said."))
    assert [(m.text, m.place.admin1, m.place.feature) for m in found] == [
        ("HARTFORD", "Connecticut", "city"), ("Brook", "Connecticut", "local"), ("Winter", "Connecticut", "local")]
    # Named again without the type word, the two are the same streets.
    found = toponymer.find(Article.from_text("HARTFORD — Four young people were shot at Brook and Winter streets "
                                             "on Friday night. As police began investigating at Brook and Winter, "
                                             "they heard of people shot on Magnolia Street."))
    assert {(m.text, m.place.admin1, m.place.feature) for m in found} == {
        ("HARTFORD", "Connecticut", "city"), ("Brook", "Connecticut", "local"), ("Winter", "Connecticut", "local"),
        ("Magnolia Street", "Connecticut", "local")}


def test_a_place_noun_ending_the_sentence_before_is_no_cue(toponymer):
    # "neighborhood. See more videos": "See" (a village in Tyrol) opens a sentence; the noun before is another's.
    found = names(toponymer, "Three men were shot near Pershing Road in the Brighton Park neighborhood. See more videos")
    assert [text for text, _ in found] == ["Pershing Road", "Brighton Park"] and "AT" not in {c for _, c in found}


def test_a_possessive_is_no_part_of_a_name_the_text_presents_as_a_place(toponymer):
    # "at Barron's court appearance": Barron is the man named before, not a misspelt Barron, Wisconsin.
    assert names(toponymer, "Police said 20-year-old Brent Dyllan Barron was arrested on Sunday. Bond was set "
                            "at Barron's initial court appearance on Wednesday.") == []


def test_streets_an_intersection_or_a_direction_of_travel_names_are_streets(toponymer):
    found = toponymer.find(Article.from_text(
        "MADERA, Calif. — Four people were shot at the intersection of Cleveland and Yosemite on Friday. The car "
        "was traveling southbound on Cleveland, near Yosemite Avenue and Howard."))
    assert {(m.text, m.place.admin1, m.place.feature) for m in found if m.text not in ("MADERA", "Calif.")} == {
        ("Cleveland", "California", "local"), ("Yosemite", "California", "local"),
        ("Yosemite Avenue", "California", "local"), ("Howard", "California", "local")}
