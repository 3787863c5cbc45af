"""Incidents from news of any kind, on short texts written for these tests (not from any corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from geo.articles import Article
from geo.incidents import extract_incidents

MONDAY = date(2016, 2, 15)  # a Monday: "Sunday night" is the 14th


def incidents(*texts: str, published: date = MONDAY, outlet: str | None = None):
    arts = [Article.from_text(t, article_id=f"s{i}", published=published, outlet=outlet) for i, t in enumerate(texts)]
    return extract_incidents(arts)


def only(texts, **kw):
    found = incidents(*texts, **kw)
    assert len(found) == 1, [(i.event_date, i.location, i.sub_event_type, len(i.sources)) for i in found]
    return found[0]


def test_a_dateline_story_without_a_place_in_its_sentence():
    inc = only(["CHARLOTTE, N.C. — A man was found shot to death in an apartment Sunday morning, police said. "
                "Officers found the victim after a neighbour called 911."])
    assert (inc.location, inc.admin1, inc.event_date) == ("CHARLOTTE", "North Carolina", date(2016, 2, 14))
    assert (inc.event_type, inc.sub_event_type, inc.fatalities) == ("Violence against civilians", "Attack", 1)
    assert inc.geo_precision == 1  # the town the dateline names
    # A caption's credit in brackets makes no dateline of the name before it.
    inc = only(["Deonca Kennedy (Photo Courtesy: NOPD)\n\nNEW ORLEANS (WWLTV) — A boy was shot and killed early "
                "Sunday in New Orleans East."])
    assert (inc.location.lower(), inc.admin1) == ("new orleans", "Louisiana")


def test_weekday_and_part_of_day_relative_to_publication():
    inc = only(["DAYTON, Ohio — Two men were shot late Saturday night outside a bar on Main Street in Dayton. "
                "Both were taken to a hospital."])
    assert inc.event_date == date(2016, 2, 13) and inc.injuries == 2 and not inc.fatalities


def test_taken_to_hospital_counts_as_injured():
    inc = only(["Seven people were taken to hospital after a gunman opened fire at a party in Macon, Ga., on Sunday."])
    assert inc.injuries == 7 and inc.location == "Macon"


def test_shot_one_fatally_counts_one_dead_one_injured():
    inc = only(["Two people were shot, one fatally, in Memphis on Sunday night. The man who died was 34."])
    assert (inc.fatalities, inc.injuries) == (1, 1)


def test_many_killed_is_unknown_not_zero():
    inc = only(["Soldiers opened fire on a crowd in Kaduna on Sunday, and many more have been killed, residents said."])
    assert inc.fatalities is None and "unknown" in inc.notes
    assert only(["Soldiers opened fire on a crowd in Kaduna on Sunday; no one was killed."]).fatalities == 0


def test_a_homicide_is_one_dead_an_attempt_or_what_could_have_been_none():
    assert only(["Police in Dayton, Ohio, are investigating a homicide after a man was shot on Sunday."]).fatalities == 1
    assert only(["A man was charged with murder after a shooting in Dayton, Ohio, on Sunday."]).fatalities == 1
    for text in ["A man was charged with attempted murder after a shooting in Dayton, Ohio, on Sunday.",
                 "A boy was shot in the leg in Dayton, Ohio, on Sunday. It could have resulted in a homicide, police said.",
                 "A boy was shot in the leg in Dayton, Ohio, on Sunday. He could have been killed, police said."]:
        assert not only([text]).fatalities, text


def test_a_headline_and_its_body_are_one_report():
    inc = only(["Man killed in Tulsa shooting\n\nTULSA, Okla. — A man was shot and killed Sunday night in north "
                "Tulsa, police said. He died at the scene."])
    assert len(inc.sources) == 1 and inc.fatalities == 1 and inc.event_date == date(2016, 2, 14)
    # A headline in Title Case: its capitalised "Man" is no town abroad that the street would be put in.
    inc = only(["4 Women, Man Shot At Vigil In West Baltimore\n\nOfficers responded to the 1800 block of "
                "W. North Avenue for a shooting on Sunday."])
    assert (inc.location, inc.admin1, len(inc.sources)) == ("Baltimore", "Maryland", 1)


def test_two_stories_of_one_shooting_merge_keeping_each_source():
    inc = only(["FRESNO, Calif. — A woman was shot and killed Sunday night in Fresno, police said.",
                "A 29-year-old woman died after she was shot late Sunday in Fresno, Calif."])
    assert sorted(s.article for s in inc.sources) == ["s0", "s1"]
    assert [s.fatalities for s in inc.sources] == [1, 1]


def test_two_shootings_on_two_streets_of_one_city_on_one_night_stay_two():
    found = incidents("Police said a man was shot on Firelight Lane in Charlotte on Sunday night.",
                      "A teenager was shot on Beatties Ford Road in Charlotte on Sunday night, police said.")
    assert sorted(i.location for i in found) == ["Beatties Ford Road", "Firelight Lane"]


def test_an_air_strike_and_a_battle_are_typed_as_acled_does():
    found = incidents("An air strike hit a market in Idlib on Sunday, killing 12 people.",
                      "Troops clashed with rebels near Gao in Mali on Sunday.")
    kinds = {(i.event_type, i.sub_event_type, i.fatalities) for i in found}
    assert ("Explosions/Remote violence", "Air/drone strike", 12) in kinds
    assert any(k[0] == "Battles" and k[1] == "Armed clash" for k in kinds)


def test_beatings_tear_gas_and_crowds_are_events_a_win_is_not():
    found = incidents("Police officers beat passengers at the Oshodi bus station in Lagos on Sunday; three were hurt.",
                      "Security forces fired tear gas at thousands of demonstrators in Quito on Sunday; dozens were hurt.",
                      "Thousands of protesters gathered in Lagos on Monday.",
                      "The Lakers beat the Celtics in Boston on Sunday.")
    got = {(i.location, i.event_type, i.sub_event_type, i.injuries) for i in found}
    assert got == {("Oshodi", "Violence against civilians", "Attack", 3),
                   ("Quito", "Protests", "Protest with intervention", None),  # "dozens": not known, not 24
                   ("Lagos", "Protests", "Peaceful protest", None)}
    quito = next(i for i in found if i.location == "Quito")
    assert quito.place.country == "EC"


def test_the_town_of_x_in_a_region_is_the_town():
    inc = only(["Gunmen attacked the town of El Geneina in West Darfur on Sunday, killing 12 people."])
    assert (inc.location, inc.place.country, inc.fatalities) == ("El Geneina", "SD", 12)


def test_where_people_died_is_where_it_happened_and_a_governor_is_who_speaks():
    inc = only(["Lekki shooting: Lagos governor says two died\n\nThe Lagos State governor said on Thursday that two "
                "people died at the Lekki toll gate on 20 October, and 25 were injured."], published=date(2020, 10, 22))
    assert (inc.location, inc.event_date, inc.fatalities, inc.injuries) == ("Lekki", date(2020, 10, 20), 2, 25)


def test_forces_named_by_their_country_an_ambush_and_a_victim_named_by_his_office():
    found = incidents("Israeli troops shot dead a Palestinian man near Nablus on Sunday.",
                      "Rebels ambushed an army convoy near Goma on Sunday, killing seven soldiers.",
                      "Unknown gunmen killed a village chief in Borno state on Sunday.")
    got = {i.location: (i.sub_event_type, i.actor1, i.actor2, i.fatalities) for i in found}
    assert got["Nablus"] == ("Attack", "Military Forces of Israel", "Civilians (Palestinian Territory)", 1)
    assert got["Goma"][0] == "Armed clash" and got["Goma"][2].startswith("Military Forces of") and got["Goma"][3] == 7
    assert got["Borno"][3] == 1
    loot = only(["In Guayaquil, looters ransacked shops on Tuesday night and police detained 57 people."],
                published=date(2019, 10, 10))
    assert (loot.sub_event_type, loot.actor1, loot.arrests) == ("Looting/property destruction", "Rioters (Ecuador)", 57)


def test_violence_told_at_a_region_and_at_a_town_in_it_the_same_day_is_one_event():
    inc = only(["A 2-year-old remains in the hospital after being shot Sunday in a Northern Kentucky community. "
                "The boy was shot on Sunday in Highland Heights, police said."])
    assert (inc.location, inc.admin1, inc.injuries, len(inc.sources)) == ("Highland Heights", "Kentucky", 1, 1)


def test_a_follow_up_story_dates_the_shooting_not_the_arrest():
    inc = only(["WACO, Texas — A man was arrested Friday in connection with a shooting that wounded a teenager, "
                "police said. The teenager was shot Sunday night outside a store."], published=date(2016, 2, 20))
    assert inc.event_date == date(2016, 2, 14) and inc.location == "WACO"


def test_a_number_that_counts_charges_is_not_a_toll_and_bond_does_not_date_the_shooting():
    inc = only(["NORFOLK, Va. — Bond was denied Wednesday for a father who faces two felony charges after his "
                "young son accidentally shot himself with a gun on Saturday."], published=date(2016, 2, 18))
    assert (inc.event_date, inc.injuries, inc.fatalities) == (date(2016, 2, 13), 1, 0)


def test_the_police_of_a_city_are_who_speaks_not_a_second_place():
    inc = only(["A 5-year-old boy has died after being shot in the head Saturday in Springfield, Chicago police said."])
    assert (inc.location, inc.fatalities, inc.event_date) == ("Springfield", 1, date(2016, 2, 13))


def test_a_town_and_the_county_it_lies_in_are_one_place():
    inc = only(["A man accused of killing two people and wounding three others Thursday night in Killeen, "
                "a city in central Bell County, was arrested."])
    assert (inc.location, inc.fatalities, inc.injuries) == ("Killeen", 2, 3)


def test_a_date_before_a_list_of_places_dates_them_all():
    found = incidents("Protests took place on Saturday in Lima, Quito and in Bogotá.",
                      "Students marched in La Paz on Saturday and in Sucre on Sunday.")
    assert {(i.location, i.event_date.day) for i in found} == {
        ("Lima", 13), ("Quito", 13), ("Bogotá", 13), ("La Paz", 13), ("Sucre", 14)}


def test_a_victim_who_died_later_is_dead_not_injured_and_the_quote_holds_the_death():
    inc = only(["MEMPHIS, Tenn. — A 15-year-old boy was shot Saturday night in Memphis, police said. Officers found "
                "him on a porch. The boy died Sunday morning at Regional Medical Center."])
    assert (inc.fatalities, inc.injuries, inc.event_date) == (1, 0, date(2016, 2, 13))
    assert "died Sunday morning" in inc.sources[0].quote


def test_two_shootings_a_day_apart_in_one_story_stay_two():
    found = incidents("BALTIMORE — Five people were shot at a vigil in Baltimore on Monday evening, police said. "
                      "The vigil was for a man who was shot and killed in Baltimore on Sunday.")
    assert sorted((i.event_date.day, i.fatalities, i.injuries) for i in found) == [(14, 1, 0), (15, 0, 5)]


def test_an_earlier_event_a_story_recalls_is_no_incident_of_its_day():
    inc = only(["LONG BEACH, Calif. — Two men were wounded in a shooting outside a bar in Long Beach on Sunday. "
                "Eight people died in a shooting at a hair salon in Seal Beach three years ago. "
                "Geralds said her daughter had been shot in a previous incident near Pine Avenue."])
    assert (inc.location.lower(), inc.injuries, inc.fatalities) == ("long beach", 2, 0)
    # Told with a day of its own, what the sentence tells is news.
    inc = only(["A man who was released from prison three years ago was shot and killed in Tulsa on Sunday."])
    assert (inc.event_date, inc.fatalities) == (date(2016, 2, 14), 1)


def test_an_undated_story_is_dated_on_its_publication_day_at_week_precision():
    inc = only(["A woman and her son were found shot to death in their home in Macon, Ga., police said."])
    assert (inc.event_date, inc.date_precision) == (MONDAY, "week")


def test_the_day_a_story_is_told_does_not_date_its_event():
    inc = only(["In Anderson, S.C., the coroner on Friday identified the girl who was shot to death by her "
                "foster father on Thursday."], published=date(2016, 2, 21))
    assert inc.event_date == date(2016, 2, 18)
    inc = only(["EVANSVILLE, Ind. — Five people were shot in an apartment building, police said Tuesday."],
               published=date(2016, 2, 17))
    assert inc.event_date == date(2016, 2, 16)  # told Tuesday: at the latest, and likeliest, that day


def test_actors_are_named_as_acled_names_them():
    found = incidents("CHICAGO — A man was shot and killed by police on Sunday, officials said.",
                      "QUITO — On Saturday, soldiers fired on protesters in Quito, killing two.",
                      "DALLAS — A deputy was shot during a traffic stop in Dallas on Sunday night.",
                      "LAGOS — Thousands marched peacefully in Lagos on Saturday.")
    got = {i.location: (i.actor1, i.actor2) for i in found}
    assert got["CHICAGO"] == ("Police Forces of United States", "Civilians (United States)")
    assert got["Quito"] == ("Military Forces of Ecuador", "Protesters (Ecuador)")
    assert got["Dallas"] == ("Unidentified Armed Group (United States)", "Police Forces of United States")
    assert got["Lagos"] == ("Protesters (Nigeria)", None)


def test_people_named_together_count_together_and_the_one_who_killed_is_no_victim():
    inc = only(["TULSA, Okla. — A woman and her adopted son were found dead in their home Sunday, police said."])
    assert inc.fatalities == 2
    inc = only(["WEIR, Texas — A gunman killed two people and wounded three others Sunday night in Weir, police said."])
    assert (inc.fatalities, inc.injuries) == (2, 3)
    inc = only(["One of the five people shot and killed Sunday at the airport in Fort Myers, Fla., was a teacher."])
    assert inc.fatalities == 5


def test_a_round_up_gives_one_report_per_shooting_and_its_total_is_none():
    found = incidents("CHICAGO — At least six people were shot in separate attacks across Chicago on Sunday. "
                      "A 23-year-old man was shot and killed in the 6900 block of South Stewart Avenue about 1 a.m. "
                      "Later, two women were wounded in the 1200 block of West Madison Street. A 16-year-old boy "
                      "was shot in the leg in the 3900 block of West Chicago Avenue on Sunday afternoon.")
    assert sorted((i.location, i.fatalities, i.injuries, i.event_date.day, i.geo_precision) for i in found) == [
        ("South Stewart Avenue", 1, 0, 14, 2), ("West Chicago Avenue", 0, 1, 14, 2), ("West Madison Street", 0, 2, 14, 2)]


def test_a_sentence_telling_two_events_gives_one_report_each():
    found = incidents("On Sunday, two men were shot in Evanston, and a woman was killed in Skokie, police said.",
                      "Police fired tear gas at protesters in La Paz on Monday, and soldiers shot at a crowd in Sacaba; "
                      "six were killed.")
    assert sorted((i.location, i.fatalities, i.injuries, i.sub_event_type, i.event_date.day) for i in found) == [
        ("Evanston", 0, 2, "Attack", 14), ("La Paz", 0, None, "Protest with intervention", 15),
        ("Sacaba", 6, None, "Excessive force against protesters", 15), ("Skokie", 1, None, "Attack", 14)]
    # A clause with no event and place of its own goes with the one before: one event, its figures.
    inc = only(["Two people were killed in Senkata on Sunday, and 30 were injured, and a march was called off."])
    assert (inc.location, inc.fatalities, inc.injuries) == ("Senkata", 2, 30)


def test_a_hashtag_in_the_headline_neither_dates_nor_doubles_the_event():
    inc = only(["#EndSARS: soldiers open fire on protesters at toll gate\n\nLAGOS — Soldiers opened fire on "
                "protesters at a toll gate in Lagos on Tuesday night, killing at least 12 people, witnesses said. "
                "The #EndSARS protests began on October 8."], published=date(2020, 10, 21))
    assert (inc.event_date, inc.fatalities, len(inc.sources)) == (date(2020, 10, 20), 12, 1)


def test_holidays_and_the_weekend_date_an_event():
    inc = only(["A man has been charged with shooting a 2-year-old on Christmas in Southgate, Mich., "
                "prosecutors announced."], published=date(2016, 12, 28))
    assert inc.event_date == date(2016, 12, 25)
    inc = only(["DAYTON, Ohio — Police gave an update on a weekend shooting that killed a 5-year-old boy in Dayton."],
               published=date(2015, 11, 11))
    assert (inc.event_date, inc.date_precision) == (date(2015, 11, 7), "week")
    inc = only(["Gunfire at a park after the Martin Luther King Jr. Day parade in Miami wounded eight people."],
               published=date(2017, 1, 18))
    assert inc.event_date == date(2017, 1, 16)


def test_the_day_a_victim_died_dates_the_shooting_only_when_nothing_else_does():
    inc = only(["A teenager who was wounded in a double shooting on Sunday died Tuesday in Milwaukee, "
                "the medical examiner said."], published=date(2017, 2, 15))
    assert inc.event_date == date(2017, 2, 12)


def test_a_town_named_only_by_its_police_places_the_event():
    inc = only(["Crossville police said a 7-year-old boy was shot in a parking lot on Monday afternoon."],
               published=date(2016, 2, 16))
    assert (inc.location, inc.admin1, inc.event_date) == ("Crossville", "Tennessee", date(2016, 2, 15))


def test_a_town_after_in_is_a_place_even_before_said():
    from geo.toponyms import find_places

    art = Article.from_text("Police in Crossville said a boy was shot on Monday.", published=MONDAY)
    assert [(m.name, m.admin1) for m in find_places(art)] == [("Crossville", "Tennessee")]


def test_a_small_town_abroad_in_a_local_story_is_a_misread_name_placed_where_the_story_is():
    from geo.events.extractor import extract_reports
    from geo.toponyms import Mention
    from geo.place import Place

    text = ("Police in Denver said the victim lived in Denver. "
            "A man was shot and killed Sunday night in Guzman, police said.")
    denver = Place("Denver", 39.74, -104.98, country="US", admin1="Colorado", feature="city")
    guzman = Place("Guzmán", 8.5, -80.4, country="PA", admin1="Coclé", feature="town")  # a namesake abroad
    found = [Mention(name, s, s + len(name), place, clean_start=s, clean_end=s + len(name))
             for name, s, place in (("Denver", 10, denver), ("Denver", 42, denver), ("Guzman", 92, guzman))]
    reps = extract_reports(Article.from_text(text, published=MONDAY), found)
    assert [(r.location, r.place.country, r.event_date) for r in reps] == [("Denver", "US", date(2016, 2, 14))]


def test_a_shooting_one_outlet_sets_at_a_protest_and_another_tells_plainly_is_one_incident():
    inc = only(["SAGINAW, Mich. — Police fired on a crowd at a vigil march in Saginaw on Sunday night, killing a man.",
                "A man was shot and killed Sunday night in Saginaw, police said."])
    assert len(inc.sources) == 2 and inc.fatalities == 1


def test_a_gunman_firing_into_a_crowd_in_march_is_an_attack_not_a_protest():
    inc = only(["On March 4, a gunman opened fire into a crowd at a fireworks show in Pontiac, Mich., killing a man."],
               published=date(2016, 3, 6))
    assert (inc.event_type, inc.sub_event_type, inc.event_date) == ("Violence against civilians", "Attack",
                                                                    date(2016, 3, 4))


def test_a_trial_story_months_later_dates_the_shooting_it_goes_back_to():
    inc = only(["SAN ANTONIO — A man was sentenced Tuesday to life in prison in a case that began with a shooting "
                "on June 15. Prosecutors said he shot a 12-year-old girl as she sat on a porch in San Antonio."],
               published=date(2014, 12, 19))
    assert (inc.event_date, inc.date_precision, inc.location) == (date(2014, 6, 15), "day", "SAN ANTONIO")


def test_figures_a_sentence_splits_add_up_and_a_repeated_others_does_not():
    inc = only(["MINNEAPOLIS — Eight people were shot in Minneapolis on Sunday night. A 20-year-old man died at the "
                "scene, two people are in critical condition and five others were hospitalized with injuries."])
    assert (inc.fatalities, inc.injuries) == (1, 7)
    inc = only(["VALLEJO, Calif. — A shooting killed two and injured two others Saturday night in Vallejo. Officers "
                "found four people suffering from gunshot wounds. Two men were pronounced dead at the scene."])
    assert (inc.fatalities, inc.injuries) == (2, 2)
    inc = only(["Four people were shot, one fatally, in Chicago on Sunday night, police said."])
    assert (inc.fatalities, inc.injuries) == (1, 3)


def test_a_pair_named_without_a_second_article_counts_two():
    found = incidents("BALTIMORE — A mother and son were found fatally shot Sunday morning in Baltimore, police said.",
                      "DENVER — A man and woman, both 35, were found dead inside a home in Denver on Sunday.")
    assert sorted((i.location, i.fatalities) for i in found) == [("Baltimore", 2), ("Denver", 2)]


def test_police_investigating_after_a_shooting_tell_a_past_event():
    inc = only(["DETROIT — Detroit police are investigating after a 15-year-old girl was shot by her father while "
                "he was putting a rifle away. It happened around 10:45 p.m. Sunday at a home on the west side."])
    assert (inc.location, inc.injuries, inc.event_date) == ("DETROIT", 1, date(2016, 2, 14))
    assert not incidents("Huge marches are converging on La Paz, where protesters are blocking roads.")


def test_a_street_as_local_news_abbreviates_it_is_no_city():
    inc = only(["COLUMBUS, Ohio — A 7-year-old girl was hospitalized after shots were fired on Cleveland Ave "
                "Monday evening, police said."], published=date(2016, 2, 16))
    assert (inc.location, inc.admin1, inc.injuries, inc.geo_precision) == ("Cleveland Ave", "Ohio", 1, 2)
    assert abs(inc.latitude - 39.96) < 0.2  # Columbus, not Cleveland


def test_a_city_level_report_does_not_join_two_streets_shootings_into_one():
    found = incidents("MEMPHIS, Tenn. — A man was shot Sunday night, police said.",
                      "MEMPHIS, Tenn. — A man was shot Sunday night on Firelight Lane, police said.",
                      "MEMPHIS, Tenn. — A man was shot Sunday night on Beatties Ford Road, police said.")
    assert sorted(len(i.sources) for i in found) == [1, 2]


def test_an_attacker_who_killed_himself_after_killing_others_is_one_more_dead():
    inc = only(["PITTSTON, Pa. — A man killed his ex-girlfriend and their son on Sunday in Pittston, then took his "
                "own life, police said."])
    assert inc.fatalities == 3
    alone = only(["A 16-year-old boy accidentally shot and killed himself in Memphis on Sunday."])
    assert alone.fatalities == 1
    inc = only(["BOSTON — Six people — five men and one woman — were transported to area hospitals after a shooting "
                "in Boston on Sunday night."])
    assert inc.injuries == 6


def test_a_shooting_told_with_two_places_is_one_report_with_its_figures():
    inc = only(["Somarie Astudillo said a round hit her nephew, Chris Perez of Allentown, in Bethlehem, Pa., on "
                "Sunday, killing him."])
    assert inc.fatalities == 1 and len(inc.sources) == 1


def test_a_headline_that_says_someone_was_shot_counts_one_injured():
    inc = only(["Teenager shot outside a store\n\nMEMPHIS, Tenn. — Police are looking for the gunman who fired at a "
                "teenager outside a store in Memphis on Sunday."])
    assert (inc.injuries, inc.fatalities) == (1, 0)


def test_a_pages_published_stamp_dates_no_event():
    # The stamp is Tuesday's; the shooting, told without a date in the headline, was on Sunday.
    inc = only(["Boy Shot at Toledo Playground\n\nA 9-year-old boy was hurt by gunfire at a playground in Toledo, "
                "Ohio. (Published Tuesday, Feb. 16, 2016)\n\n"
                "Police said the boy was shot early Sunday morning while he played with friends."],
               published=date(2016, 2, 16))
    assert inc.event_date == date(2016, 2, 14) and inc.location == "Toledo"


def test_a_story_told_at_its_county_is_placed_where_it_says_the_event_happened():
    inc = only(["WILKES COUNTY, N.C. -- A two-year-old boy was flown to a hospital after he accidentally shot himself "
                "on Sunday evening. The Wilkes County Sheriff's Office said the boy was in stable condition. "
                "The incident occurred at the 400 block of Chuckwood Road in Thurmond."])
    assert (inc.location, inc.admin1, inc.geo_precision, inc.injuries) == ("Chuckwood Road", "North Carolina", 2, 1)
    assert abs(inc.latitude - 36.37) < 0.05 and "Chuckwood Road in Thurmond" in inc.sources[0].quote


def test_a_story_whose_text_names_no_town_is_in_the_town_its_title_names():
    # The text names streets only; the title says the city (Mount Street is also a Lowell street).
    art = Article.from_text("City police were called to the 200 block of North Mount Street, where a boy shot himself "
                            "in the foot. Later a man was found shot in the 2900 block of Mosher Street.",
                            article_id="b", published=MONDAY, title="Boy, man hurt in Baltimore shootings Sunday")
    found = extract_incidents([art])
    assert {(i.location, i.admin1, i.injuries) for i in found} == {("North Mount Street", "Maryland", 1),
                                                                 ("Mosher Street", "Maryland", 1)}
    assert all(abs(i.latitude - 39.29) < 0.1 and i.geo_precision == 2 for i in found)


def test_a_date_line_or_a_datelines_date_stamps_the_page_and_dates_no_event():
    # The line under the headline, and the date in brackets after the dateline, are the page's.
    inc = only(["Man shot in Spokane\nFebruary 16, 2016 (SPOKANE, Wash.) -- Police are investigating the "
                "shooting of a man on Oak Street in Spokane Sunday night."], published=date(2016, 2, 16))
    assert (inc.admin1, inc.event_date) == ("Washington", date(2016, 2, 14))
    inc = only(["FRESNO, Calif. (Feb. 16, 2016) – One man died after gunfire erupted late Sunday night outside a "
                "bar in Fresno."], published=date(2016, 2, 16))
    assert inc.event_date == date(2016, 2, 14)
    # A date on a line of its own further down heads a part of a timeline: it is that part's day.
    inc = only(["A timeline of the standoff in Fresno, Calif.\n\nThe calls came from a quiet street.\n\n"
                "The family had moved there in the autumn. Neighbours knew them well.\n\n" + "They kept to themselves. " * 20
                + "\nFebruary 9\nA man was shot and killed outside his home in Fresno."], published=date(2016, 2, 16))
    assert inc.event_date == date(2016, 2, 9)


def test_a_pages_posted_stamp_before_its_given_date_is_the_day_its_weekdays_count_from():
    # Saved (or updated) two weeks after it was posted: "Saturday" is the Saturday before the post.
    inc = only(["2 hurt in Shreveport shooting Posted: Sunday, Jan. 31, 2016 7:39 AM EST Updated: Monday, Feb. 15, 2016\n\n"
                "SHREVEPORT, La. — Two men were wounded in a shooting late Saturday outside a club in Shreveport."])
    assert inc.event_date == date(2016, 1, 30)
    # A stamp in the story's own words ("his bond was posted on") dates no page.
    inc = only(["NEW PARIS, Ohio — A girl was shot and killed late Sunday night at a home in New Paris. "
                "The man was arrested on Feb. 3 and his bond was posted on Feb. 4, deputies said."])
    assert inc.event_date == date(2016, 2, 14)


def test_a_time_of_day_then_a_weekday_stays_in_its_sentence():
    # "p.m." does not end the sentence before "Sunday": the quote holds the day with the shots.
    inc = only(["Deputies were called to shots fired on Poplar Avenue in Olivehurst, Calif., about 10:00 p.m. Sunday. "
                "One man was found dead."], published=date(2016, 2, 16))
    assert (inc.event_date, inc.fatalities) == (date(2016, 2, 14), 1)
    assert "about 10:00 p.m. Sunday. […] One man" in inc.sources[0].quote
    inc = only(["A man was shot on Elm Street in Dayton, Ohio. Police said the shooting happened about 5:30 p.m. Saturday "
                "at his home. Police have identified the man."], published=date(2016, 2, 16))
    assert inc.event_date == date(2016, 2, 13)


def test_the_night_before_counts_from_the_day_its_sentence_gives():
    inc = only(["PATERSON, N.J. — A teenager died Sunday morning after he was shot on Main Street in Paterson "
                "the night before."], published=date(2016, 2, 16))
    assert inc.event_date == date(2016, 2, 13)


def test_the_day_a_story_says_its_shooting_happened_on_is_its_day_named_by_weekday_too():
    # The lead names another day first (Friday); the story says the shooting's day in so many words.
    inc = only(["A woman was found shot dead at her home in Douglas, Ga. Her family had last seen her Friday. "
                "Officials said the shooting happened around 5 p.m. Sunday."],
               published=date(2016, 2, 16))
    assert (inc.event_date, inc.fatalities) == (date(2016, 2, 14), 1)


def test_n_days_after_a_day_its_sentence_gave_counts_back_to_the_event_it_names():
    # Taken into custody on Tuesday (the 16th), five days after the shooting: the shooting was the 11th.
    inc = only(["CHICAGO — Police said the man was taken into custody late Tuesday night, five days after he "
                "allegedly shot and killed four men at a restaurant on East 75th Street."], published=date(2016, 2, 17))
    assert (inc.event_date, inc.fatalities) == (date(2016, 2, 11), 4)
    # "Four days earlier" and a day from the sentence before count as ever.
    from geo.dates import find_dates
    assert [d.date for d in find_dates("Four days after the vote, police fired.", MONDAY, date(2016, 2, 1))] == \
        [date(2016, 2, 5)]


def test_a_weekday_still_to_come_dates_no_event():
    # Friday's story: the Monday when school opens again is the next one, not the one before.
    inc = only(["A 15-year-old boy was shot and killed at his home in Medina, N.Y. Counselors will be at the school "
                "when students return on Monday. He will be buried next Wednesday."], published=date(2016, 2, 19))
    assert inc.event_date == date(2016, 2, 19)
    from geo.dates import find_dates
    friday = date(2016, 2, 19)
    assert [d.date for d in find_dates("An autopsy is scheduled for Tuesday. He will be arraigned Monday.", friday)] == \
        [date(2016, 2, 23), date(2016, 2, 22)]
    assert [d.date for d in find_dates("Police will say how the man shot Monday died.", friday)] == [date(2016, 2, 15)]


def test_overnight_is_the_night_ending_on_the_publication_day():
    inc = only(["AKRON, Ohio — A man was shot and killed overnight outside a bar in Akron, police said."])
    assert (inc.event_date, inc.date_precision) == (MONDAY, "day")
    inc = only(["A woman was wounded overnight Saturday in Akron, Ohio, police said."])
    assert inc.event_date == date(2016, 2, 13)


def test_an_arrest_story_dates_the_shooting_it_follows():
    # The lead dates only the arrest; the shooting is told as known, and dated further down.
    inc = only(["TULSA, Okla. — A man was arrested Friday in the fatal shooting of a teenager. "
                "Police said the shooting happened on Jan. 30 outside a store on Pine Street."])
    assert (inc.event_date, inc.location, inc.sub_event_type, inc.fatalities) == (
        date(2016, 1, 30), "TULSA", "Attack", 1)
    # A date naming the shooting dates it, even after the arrest: the last Fourth of July.
    inc = only(["A Tulsa man has been arrested in the Fourth of July shooting death of a 23-year-old man."],
               published=date(2016, 4, 29))
    assert inc.event_date == date(2015, 7, 4)


def test_months_named_with_last_or_a_year():
    inc = only(["Prosecutors said a woman was shot and killed in Tulsa last August."], published=date(2016, 7, 28))
    assert (inc.event_date.year, inc.event_date.month, inc.date_precision) == (2015, 8, "month")
    inc = only(["A girl was wounded in the October 2016 shooting at a Tulsa park."], published=date(2016, 11, 8))
    assert (inc.event_date.year, inc.event_date.month, inc.date_precision) == (2016, 10, "month")


def test_figures_across_a_hospital_town_and_a_year():
    # The hospital's town is where the boy was cared for: the next sentence still tells of him.
    inc = only(["Police in Crossville said a 7-year-old boy was shot in a parking lot on Sunday afternoon. "
                "The boy was flown to a hospital in Nashville. Police later confirmed that the boy had died."])
    assert (inc.location, inc.fatalities, inc.injuries) == ("Crossville", 1, 0)
    inc = only(["Gunfire erupted at a park in Tulsa on Sunday. — A reporter (@reporter) February 14, 2016 "
                "Witnesses said a man was shot in the leg."])
    assert inc.injuries == 1


def test_one_toll_told_on_two_streets_or_in_a_county_and_its_town_is_one_event():
    # Three people hurt, told at a street and at the road it is off: one shooting. (Two
    # shootings of one person each on two streets stay two: see the test above.)
    inc = only(["BREAKING: Police are on the scene of a reported shooting on Addison Street.\n\n"
                "Three people were injured in a shooting in Raleigh on Tuesday, police said.",
                "RALEIGH, N.C. — Three people were injured in a shooting off Raleigh Boulevard on Tuesday."])
    assert len(inc.sources) == 2 and inc.injuries == 3
    # The county's story and the town's, the same day and toll (the town's headline gives none).
    inc = only(["Deputies Investigate Shooting in Sunriver\n\nA man was shot at a rental home in Sunriver, Ore., "
                "on Sunday. He was taken to a hospital.",
                "A man was wounded in a shooting in Deschutes County, Ore., on Sunday, deputies said."])
    assert len(inc.sources) == 2 and inc.location == "Sunriver"


def test_dates_and_event_words_keep_their_offsets_in_any_letters():
    # Matching is done in lower case for speed; "İ" grows when lower-cased, and must not shift a span.
    from geo.dates import find_dates
    from geo.events.triggers import find_triggers

    text = "İİİ Police SHOT two men in İstanbul on Nov. 19."
    assert [text[d.start:d.end] for d in find_dates(text, date(2019, 11, 20))] == ["Nov. 19"]
    assert [text[m.start():m.end()] for _, m in find_triggers(text)] == ["SHOT"]
    assert [text[d.start:d.end] for d in find_dates(text.replace("İ", "I"), date(2019, 11, 20))] == ["Nov. 19"]


def test_a_death_told_with_the_shooting_that_caused_it_is_dated_by_the_shooting():
    inc = only(["SANTA ANA, Calif. — A 15-year-old boy died at a local hospital Monday after being shot "
                "multiple times Saturday night."])
    assert (inc.event_date, inc.fatalities) == (date(2016, 2, 13), 1)


def test_a_story_is_where_its_places_gather_and_a_lone_far_town_is_a_misread_name():
    # Three Chicago neighbourhoods outweigh a twice-named hospital that is also a New York hamlet.
    found = incidents("A man was found shot to death early Sunday, police said. He had been taken to Mount Sinai, "
                      "and a nurse at Mount Sinai said he died there. Neighbours from Englewood, Woodlawn and "
                      "Chatham held a vigil.")
    assert ("Englewood", "Illinois") in [(i.location, i.admin1) for i in found]
    # "Cook" (a restaurant chain's name, and a Minnesota village named once, far from everything
    # else the story names) is not where the Lexington shooting was.
    inc = only(["Lexington police are looking for the gunman. A teenager was shot and killed at a Cook Out "
                "restaurant on Broadway early Sunday. Lexington police said the girl was hit by a stray bullet."])
    assert inc.location == "Lexington" and inc.admin1 != "Minnesota"


def test_two_shootings_in_two_neighbourhoods_of_one_city_stay_two():
    found = incidents("A 16-year-old boy was shot Sunday night in the Bridgeport neighborhood, Chicago police said.",
                      "Four people were shot outside a convenience store in West Englewood on Sunday night, "
                      "Chicago police said.")
    assert sorted((i.location, i.injuries) for i in found) == [("Bridgeport", 1), ("West Englewood", 4)]


def test_a_release_dates_the_shooting_it_goes_back_to_by_its_weekday_and_date():
    # "Wednesday, June 8, 2016" is one date, not the Wednesday before publication; "a call for
    # a person shot" is a call for help, not a plan.
    inc = only(["Today, Monday, July 25, 2016, detectives arrested a second suspect. At about 2:40 p.m. on "
                "Wednesday, June 8, 2016, officers responded to a call for a person shot on Elm Street in Worcester, "
                "Mass."], published=date(2016, 7, 25))
    assert (inc.event_date, inc.location, inc.admin1) == (date(2016, 6, 8), "Elm Street", "Massachusetts")


def test_a_month_the_sentence_gives_yields_to_the_day_the_story_gives():
    # "earlier this month" is the month; the lead says which day of it.
    inc = only(["Neighbours on Elm Street in Dayton, Ohio, gathered Monday night. Police said a man was shot in "
                "Dayton earlier this month."], published=date(2016, 2, 24))
    assert (inc.event_date, inc.date_precision) == (date(2016, 2, 22), "day")
    inc = only(["Police in Dayton, Ohio, said a man was shot earlier this month."], published=date(2016, 2, 24))
    assert (inc.event_date, inc.date_precision) == (date(2016, 2, 15), "month")


def test_a_later_story_that_states_the_day_of_its_shooting_is_dated_by_it():
    # The lead's Monday is the day of the remembrance; the story says outright when the shooting was.
    inc = only(["INDIANAPOLIS — Family and friends of a 15-year-old boy gathered on Monday to remember him. He shot "
                "himself while playing with a gun. The shooting happened inside a small rented home near Wallace "
                "Avenue and 33rd Street on June 22."], published=date(2016, 6, 30))
    assert inc.event_date == date(2016, 6, 22) and inc.location == "INDIANAPOLIS"


@pytest.mark.parametrize("text, published, expected", [
    # a long headline is no part of the dateline after it (Whitehaven is a part of Memphis the
    # gazetteer does not know; England's is no place of the story)
    ("Toddler recovering after being shot at an apartment complex in Whitehaven on Sunday night\n\n"
     "MEMPHIS, Tenn. — The 3-year-old shot at a Whitehaven apartment complex is recovering.", MONDAY,
     {"location": "MEMPHIS", "admin1": "Tennessee"}),
    # a page's stamp in a headline dates no event
    ("4 hurt in Pine Bluff shooting Posted: Sunday, July 27, 2014 12:06 PM EDT\n\n"
     "A late night shooting in Pine Bluff has left four people hurt. Police say they arrived at around "
     "11:30 Saturday night.", date(2014, 7, 27), {"event_date": date(2014, 7, 26), "injuries": 4}),
    # a title and an initial make a person's name, no place
    ("Harvey County Sheriff T. Walton said a man was shot and killed by deputies in Hesston, Kan., on Thursday. "
     "The suspect, according to Walton, had opened fire at a plant.", date(2016, 2, 26),
     {"location": "Hesston", "admin1": "Kansas", "fatalities": 1}),
    # Jefferson County is in 25 states; its first five by name (Alabama to Georgia) hold Colorado's, beside
    # Louisville, Colorado: readings that tie beyond the few stand for none, so Louisville is Kentucky's
    ("Officials have identified the boy who was shot to death in Louisville on Saturday. Jefferson County "
     "Deputy Coroner Ann Farmer said the boy was taken to a hospital.", MONDAY,
     {"location": "Louisville", "admin1": "Kentucky"}),
    # a sentencing story dates the shooting, not the day of the sentence
    ("STERLING, Ill. — A teenager received three years' probation Thursday for accidentally shooting and killing "
     "his friend. He shot the 15-year-old in the chest on March 1, 2014, while handling a gun at his home.",
     date(2015, 9, 11), {"event_date": date(2014, 3, 1), "fatalities": 1}),
    # a date told with its weekday but no year is in the year that puts it on that weekday
    ("MINNEAPOLIS — A man was charged on Friday. The shooting happened at 2:30 a.m. Saturday, Sept. 12, near "
     "Fifth Street, and six people were wounded.", date(2017, 1, 28), {"event_date": date(2015, 9, 12)}),
    # an arrest's day is not the shooting's, which the words "a March 7 shooting" date
    ("Shooting arrest: Al Crane, 19, of Trenton was arrested in the first block of Reading Avenue on Thursday in "
     "connection with a March 7 shooting on Spring Street, police said.", date(2017, 3, 17),
     {"event_date": date(2017, 3, 7)}),
])
def test_what_one_story_tells(text, published, expected):
    inc = only([text], published=published)
    assert {field: getattr(inc, field) for field in expected} == expected


def test_one_shooting_told_as_late_saturday_and_early_sunday_is_dated_saturday():
    inc = only(["DAYTON, Ohio — Two men were shot early Sunday outside a bar on Main Street in Dayton.",
                "Police are looking for a gunman. Officers said the bar had been busy all evening. DAYTON, Ohio — "
                "Two men were shot late Saturday night outside a bar on Main Street in Dayton."])
    assert inc.event_date == date(2016, 2, 13) and len(inc.sources) == 2


def test_a_figure_only_the_title_gives_is_taken_from_it_and_noted():
    text = "DAYTON, Ohio — Police are investigating a shooting on Main Street in Dayton on Sunday night."
    arts = [Article.from_text(text, article_id="t", published=MONDAY, title="Child among 2 injured in Dayton shooting")]
    (inc,) = extract_incidents(arts)
    assert (inc.injuries, inc.sources[0].injuries) == (2, 2) and "from the title" in inc.notes
    # a story that tells its one event twice (a lead and a later paragraph) takes them too
    text = ("Gunfire on Main Street\n\nDAYTON, Ohio — Shots were fired on Main Street in Dayton on Sunday night, "
            "police said.")
    arts = [Article.from_text(text, article_id="u", published=MONDAY, title="Three hurt in Dayton shooting")]
    assert [i.injuries for i in extract_incidents(arts)] == [3]
    # a round-up's title may sum its events: none of them takes its figures
    roundup = ("Police said a man was shot on Main Street in Dayton on Sunday. In Akron, a woman was shot on "
               "Market Street on Sunday.")
    arts = [Article.from_text(roundup, article_id="r", published=MONDAY, title="5 hurt in weekend shootings")]
    assert sorted(i.injuries for i in extract_incidents(arts)) == [1, 1]


def test_a_story_whose_text_tells_no_violence_gives_the_event_its_title_tells():
    arts = [Article.from_text("Neighbours said they were afraid to go out at night, and a vigil was planned.",
                              article_id="t", published=MONDAY, title="Four shot outside a corner store in Dayton")]
    (inc,) = extract_incidents(arts)
    (source,) = inc.sources
    assert (inc.location, inc.admin1, inc.event_date, inc.injuries) == ("Dayton", "Ohio", MONDAY, 4)
    assert (source.quote, source.start, source.end) == ("Four shot outside a corner store in Dayton", None, None)
    assert "told in the title only" in inc.notes


def test_near_a_town_says_more_of_where_than_a_residents_town():
    inc = only(["A Fort Worth man was fatally shot on Sunday while hunting near Azle, deputies said."])
    assert (inc.location, inc.admin1, inc.fatalities) == ("Azle", "Texas", 1)


def test_where_a_victim_lives_is_not_where_it_happened():
    inc = only(["A 25-year-old tattoo artist from Baton Rouge was shot and killed on Sunday, New Orleans police said."])
    assert (inc.location, inc.fatalities) == ("New Orleans", 1)


def test_a_death_at_a_hospital_named_after_a_place_counts_for_the_event():
    # "Miami Valley Hospital" is in Dayton: the victim's death there goes on about the shooting.
    inc = only(["Police in Dayton, Ohio, said a man was shot on Sunday night. The victim was later pronounced "
                "dead at Miami Valley Hospital."])
    assert (inc.location, inc.fatalities, inc.injuries) == ("Dayton", 1, 0)


def test_the_town_of_the_hospital_the_wounded_went_to_is_not_where_it_happened():
    inc = only(["CHICAGO — A 26-year-old man was shot on Sunday and taken to Christ Medical Center in Oak Lawn."])
    assert (inc.location, inc.injuries) == ("CHICAGO", 1)
    # a hospital known by its name alone ("University Health"): its town is still where he went
    inc = only(["A boy was accidentally shot at his home in Minden, Louisiana, on Sunday. He was taken to University "
                "Health in Shreveport, where he was pronounced deceased from a gunshot wound."])
    assert (inc.location, inc.fatalities, inc.injuries) == ("Minden", 1, 0)


def test_a_far_small_town_is_a_misread_even_where_the_story_names_its_town_once():
    # Green Forest, Arkansas, lies 2,000 km from Los Angeles, and nothing else of the story is near it.
    inc = only(["A man was shot on Sunday night in Los Angeles. The victim had been shot in Green Forest, police "
                "said at first."])
    assert (inc.location, inc.admin1) == ("Los Angeles", "California")
    # However often it is named: Miami's Liberty City is not the Texas town the gazetteer holds.
    inc = only(["Miami police said two women were killed in a shooting in Liberty City on Sunday. The Liberty City "
                "shooting left two others hurt, Miami's police chief said."])
    assert inc.admin1 == "Florida" and inc.fatalities == 2


def test_the_day_beside_the_event_word_dates_it_when_a_dateline_holds_the_place():
    inc = only(["CAMPBELL, Ohio — Police said a 7-year-old boy remains in the hospital Monday after an "
                "accidental shooting on Sunday."])
    assert inc.event_date == date(2016, 2, 14) and inc.location == "CAMPBELL"


def test_someone_recovering_from_a_shooting_tells_a_past_shooting():
    inc = only(["PHILADELPHIA — An 11-year-old girl is recovering after she was accidentally shot in the head by "
                "her brother inside their Northeast Philadelphia home."])
    assert inc.admin1 == "Pennsylvania" and inc.injuries == 1


def test_a_place_that_names_who_acted_yields_to_where_it_happened():
    inc = only(["A Polk County sheriff's deputy was wounded in a shooting near Fosston, Minn., on Sunday."])
    assert (inc.location, inc.admin1) == ("Fosston", "Minnesota")


@pytest.mark.parametrize("text, fatalities, injuries", [
    # an aside between a count and its verb; "the injured child"
    ("Six people — five men and one woman in their 20s — were taken to hospitals after a shooting in Akron, Ohio, "
     "on Sunday.", None, 6),
    ("Officials said the injured child was brought to a hospital after a shooting in Tulsa on Sunday.", None, 1),
    # people listed, with their ages said between them
    ("A mother, father, and toddler were found dead in a home in Tulsa on Sunday.", 3, None),
    ("Two children, ages 3 and 5, and their mother were found shot to death in Tulsa on Sunday.", 3, None),
    ("A man and woman, both 35 years old, were wounded in a shooting in Tulsa on Sunday.", None, 2),
    # shots fired, and the people they struck; victims counted as a noun
    ("Shots were fired inside a Tulsa bar early Sunday, where four victims were struck.", None, 4),
    ("A man died in a shooting in Tulsa on Sunday; the other three shooting victims are expected to live.", 1, 3),
    # a death said as a deadly shooting, a life claimed, a person killed by name, a child who killed herself
    ("A shooting in Tulsa killed Tenisha Mallet, 21, and wounded three on Sunday night, officials said.", 1, 3),
    ("A deadly shooting in Tulsa on Sunday left neighbors shaken.", 1, None),
    ("A shooting in Tulsa on Sunday claims one man's life.", 1, None),
    ("The girl picked up a loaded gun in Tulsa on Sunday and killed herself while playing with it.", 1, None),
    # one named before a count ("killed her and three other people"), and the attacker
    ("A man went to a house in Tulsa on Sunday and killed her and three other people before fatally shooting "
     "himself.", 5, None),
    # a television station's number is no toll; the boy who died after shooting himself is one death
    ("Investigators tell 7 Action News a 17-year-old was shot and killed in Tulsa on Sunday.", 1, None),
    ("Police told FOX 5 that two men were shot and killed in Tulsa early Sunday.", 2, None),
    ("A student died in Tulsa on Sunday after shooting himself in his home, police said.", 1, None),
    # in the hospital: hurt
    ("A six-year-old boy is dead and his 11-year-old brother in a hospital after someone fired into their Tulsa "
     "house on Sunday.", 1, 1),
    # the one hit said as an object
    ("Police in Tulsa are looking for a woman after the accidental shooting of a 3-year-old child on Sunday.", None, 1),
    ("Tulsa police said a man opened fire on Sunday, hitting the child multiple times.", None, 1),
    ("Deputies in Tulsa said on Sunday the 4-year-old was a victim of a drive-by shooting.", None, 1),
    # one person and a count of others
    ("Police are trying to find out why a teenager and two younger boys were shot in Durham on Sunday.", None, 3),
    ("Officials say a 16-year-old and two children were shot in Durham on Sunday.", None, 3),
    # those shot who did not die are injured, however few the story says went to hospital
    ("Six people were shot in Tulsa on Sunday night, and one victim was rushed to the hospital.", None, 6),
    # the others shot, beyond those who died, are the injured
    ("Two men were killed and three others were shot in Tulsa on Sunday.", 2, 3),
    ("Five people were shot in Tulsa on Sunday, and two others were stabbed.", None, 7),
    # deaths said without "was", or as lives claimed
    ("We now know the name of the boy killed in an accidental shooting in Noxubee County, Miss., on Sunday.", 1, None),
    ("A shooting on Sunday in Kerr County, Texas, claimed the lives of a boy and his adopted mother.", 2, None),
    ("Deputies are investigating the gunshot death of a teenager in Madison County, Ga., on Sunday night.", 1, None),
    ("Image 44 of 44 Child shot in Tulsa on Sunday, police said.", None, 1),  # a gallery's count is no one
    # the hurt, said as sent to hospital, recovering, not life-threatening
    ("A shooting at an apartment complex in Baton Rouge on Sunday sent four people to the hospital.", None, 4),
    ("Two teens are recovering after they were shot Saturday night near the fairgrounds in Orlando.", None, 2),
    ("A 3-year-old child suffered non-life threatening injuries in an accidental shooting in Nashville on Sunday.",
     None, 1),
    ("A shooting in Indianapolis on Saturday left two men dead and a 3-year-old hurt.", 2, 1),
    # a 911 call counts no one
    ("Deputies in Tulsa responded on Sunday after receiving a 911 reporting a person shot.", None, 1),
    # two dozen is 24; "dozens" and "several dozen" are no figure
    ("Two dozen people were hurt when gunfire broke out at a party in Tulsa on Sunday.", None, 24),
    ("Several dozen people were hurt when gunfire broke out at a party in Tulsa on Sunday.", None, None),
    ("Police in Tulsa went to the home on Sunday after an anonymous 911 call saying five people were shot there.",
     None, 5),
    # people named in a list count one each; names that only speak count no one
    ("Ronald Williams, 33, and Kendra Hill, 28, were killed, and Jason Kimble and Laquintin Carter were injured in "
     "a shooting in Tulsa on Sunday.", 2, 2),
    ("Chief John Smith and Mayor Jane Doe said three people were killed in a shooting in Tulsa on Sunday.", 3, None),
    # a fatal wound said so; one of the hit who died, told with the wound
    ("A 3-year-old sustained a fatal, self-inflicted wound on Sunday in Jefferson, Ga.", 1, None),
    ("Four people were shot in Tulsa on Sunday, police said; two of the people who were shot in the head later died.",
     2, 2),
    # "killing four of them": the four count (and the gunman who then killed himself)
    ("A man shot six people Saturday afternoon in Atlanta, killing four of them, before turning the gun on himself.",
     5, 2),
    # an age in months; the one wounded beside the dead; a wound someone lived through; the object of
    # "the shooting of"; a headline's "among" that counts the event's own
    ("Police say a 2-year-old is dead and a 15-month-old is injured after a shooting in Tulsa on Sunday.", 1, 1),
    ("A Tulsa man is accused of killing three men and wounding another in an attack on Sunday night.", 3, 1),
    ("A man was pronounced dead and a woman suffered a non-life-threatening gunshot wound in Tulsa on Sunday.", 1, 1),
    ("The Sunday shooting of two children in Tulsa prompted a neighbourhood meeting.", None, 2),
    ("Toddler among 3 shot in Tulsa on Sunday night", None, 3),
    # a station's name before a count spelled out; someone named as wounded beside the dead; "one of three"
    ("Police told 13 News two people were shot at a motel in Tulsa late last night.", None, 2),
    ("Gaston shot and killed John Noble, 22, and wounded Emerson Ware, 26, during a fight in Tulsa on Sunday.",
     1, 1),
    ("A 16-year-old boy, one of three people hit by gunfire in Tulsa on Sunday night, has died.", 1, 2),
    # a death said as "deceased", "the death of", "mourning the loss of"; "shot four people to death"
    ("Deputies found a 14-year-old boy deceased from a single gunshot wound in a motel in Tulsa on Sunday.", 1, None),
    ("Police are investigating the death of an 8-year-old boy found with a gunshot wound in Tulsa on Sunday.", 1, None),
    ("A family in Tulsa is mourning the loss of their son, who was shot on Sunday.", 1, None),
    ("He denies he is the man who shot four people to death in a home in Tulsa on Sunday.", 4, None),
    # a murder-suicide: those hit died, and so did he (once); "a Tulsa woman and her two boys";
    # "did not survive"; "three of the victims died"
    ("Police say a Tulsa man shot an 8-year-old boy, then himself in a murder-suicide on Sunday.", 2, None),
    ("Two people were found dead in a murder-suicide at a home in Tulsa on Sunday.", 2, None),
    ("Police are searching for the man who shot and killed a Tulsa woman and her two boys on Sunday.", 3, None),
    ("Four people were shot inside an apartment in Tulsa on Sunday, and two did not survive.", 2, 2),
    ("Five people were shot at a party in Tulsa on Sunday. Three of the shooting victims died.", 3, 2),
    # no toll: the day of a date ("Dec. 25"), the minutes of a time ("1:53"), a city's statistics
    ("The one-year-old girl shot in Tulsa Dec. 25 has died from her injuries.", 1, None),
    ("Video 1:53 Three officers are confirmed dead and three others wounded after a shooting in Tulsa on Sunday.", 3, 3),
    ("Crime stats for 2015 show 165 people were murdered in Tulsa. A man was shot in Tulsa on Sunday.", None, 1),
    # a headline's present tense
    ("Teen accidentally shoots mom in Tulsa parking lot on Sunday", None, 1),
    ("3-year-old kills herself with loaded gun in Tulsa on Sunday", 1, None),
    # an aside ", including an 11-year-old,"; a wound told as lived through beside the dead; "another man"
    ("Four people, including an 11-year-old, were shot at the end of an event late Sunday in north Tulsa.", None, 4),
    ("Police in Tulsa are looking for a man after a fatal shooting on Sunday. The injured man's wound did not "
     "appear life-threatening.", 1, 1),
    ("One man was killed and another man was shot in Tulsa on Sunday.", 1, 1),
    ("A retired deputy shot and wounded a burglar at his home in Tulsa on Sunday.", None, 1),
    # the count in one word: "a double murder-suicide" (two, and the one who killed them), "a quadruple
    # slaying", "a triple shooting"; "killing an 18-year-old"
    ("Police investigate an apparent double murder-suicide in Tulsa on Sunday.", 3, None),
    ("Police in Tulsa said a man suspected in a quadruple slaying of his family on Sunday was arrested.", 4, None),
    ("Police are investigating a triple shooting in Tulsa on Sunday.", None, 3),
    ("Someone shot four men in Tulsa on Sunday, sending three to the hospital and killing an 18-year-old.", 1, 3),
    # no toll: how often one was hit, an age written "26 yr old"
    ("A football player shot seven times in South Tulsa early Sunday is expected to survive.", None, 1),
    ("4 people shot outside a bar in Tulsa on Sunday. 26 yr old man in critical condition.", None, 4),
    # "critically injured an adult man"; "the attempted murder of a 20-year-old man" beside a death
    ("The search goes on for the gunman who killed a 2-year-old boy and critically injured an adult man in Tulsa "
     "on Sunday.", 1, 1),
    ("Police say the 16-year-old is accused of murdering a 16-year-old girl and the attempted murder of a "
     "20-year-old man in Tulsa on Sunday.", 1, 1),
    # "the man and two children", "both the man and the boy"
    ("The Tulsa prosecutor has released information about the man and two children found dead in a home on "
     "Sunday.", 3, None),
    ("Police found both the man and the boy shot dead in a home in Tulsa on Sunday.", 2, None),
    # an age after "was"; who took the victim to hospital; who shot someone named; "deceased from"
    ("A man was shot in Tulsa on Sunday. Police first said the man was 20 and in good condition.", None, 1),
    ("A girl was shot at her home in Tulsa on Sunday. The two deputies rushed the girl to the hospital, where "
     "she was pronounced dead.", 1, None),
    ("The Zone 5 officers shot and killed Marcus Reed, 40, during a call at his home in Tulsa on Sunday.", 1, None),
    ("Deputies found Lee Carter, 30, deceased from a gunshot wound at a home in Tulsa on Sunday.", 1, None),
    ("The sheriff identified the four people killed Christmas Eve in Tulsa.", 4, None),
    # a person's name told after her ("his wife, Jo Ann Lee, 34, and their son"); an age before a dash
    ("Police say a man fatally shot his wife, Jo Ann Lee, 34, and their 2-year-old son, Sam Lee, at their home in "
     "Tulsa on Sunday.", 2, None),
    ("The third victim, Rosa Diaz, 26 — who was shot with her father in Tulsa on Sunday — died on Monday.", 1, None),
    # "investigating a homicide" said alone; "killing the teen"; a year before what happened ("2014 video of")
    ("TULSA — The county's task force is investigating a homicide in the township on Sunday.", 1, None),
    ("A friend was playing with a handgun in Tulsa on Sunday when it discharged, killing the teen.", 1, None),
    ("Video: 2014 video of a father killed in a Tulsa murder-suicide on Sunday", 1, None),
    # an age after "man," then his name; a time before a count; an age without hyphens; a list of a person and a count
    ("Teen shoots, kills man, 18 Jose Ruiz fatally wounded inside a home in Tulsa on Sunday", 1, None),
    ("Twenty minutes earlier, one man was killed and another man was wounded in a separate shooting in Tulsa on "
     "Sunday.", 1, 1),
    ("A two year old child and a woman were shot overnight in north Tulsa on Sunday.", None, 2),
    # who shot themselves; a man and his son; a gun's caliber; one man shot himself, not the four before him
    ("Police say two teens accidentally shot themselves while playing with a gun in Tulsa on Sunday.", None, 2),
    ("Police say a Tulsa man accidentally shot and wounded himself and his 10-year-old son on Sunday.", None, 2),
    ("A boy found a .40 caliber Glock handgun and shot himself in the hand in Tulsa on Sunday.", None, 1),
    ("Five people were killed in Tulsa on Sunday. Police are not yet naming the four victims or the man who "
     "opened fire and later shot himself.", 5, None),
    # the attacker died too: "and then himself", "before he was shot and killed by police"
    ("A girl was killed in Tulsa on Sunday after a boy shot the girl's mother, the girl and then himself, police "
     "said.", 2, None),
    ("Four people were killed by a man on a rampage before he was shot and killed by police in Tulsa on Sunday.",
     5, None),
    # an age after a name's "Jr.," and before a home town
    ("Police say Shawn L. Jones Jr., 21 of Tulsa was shot and killed on Sunday.", 1, None),
    # money; people named with their ages, then what happened to them ("were all transported")
    ("Bond was set at $75,000 for the neighbor of the boy who died of a gunshot wound in Tulsa on Sunday.", 1, None),
    ("Police said a man was shot in Tulsa on Sunday. Ann Moe, 24, Joe King, 24, Dan Cole, 25 and Ty Burr, 32 were "
     "all transported to the hospital.", None, 4),
    # "left the toddler dead"; "bleeding from gunshot wounds"
    ("A drive-by shooting in north Tulsa on Sunday left the toddler dead.", 1, None),
    ("Four people were found bleeding from gunshot wounds on a lawn in Tulsa on Sunday.", None, 4),
])
def test_figures_as_local_news_says_them(text, fatalities, injuries):
    inc = only([text])
    assert (inc.fatalities or None, inc.injuries or None) == (fatalities, injuries)


def test_a_title_case_headline_counts_who_was_shot():
    # "Shot In North Tulsa": the words after the verb are the headline's, not a person shot by the five.
    art = Article.from_text("Police said the children were walking home in Tulsa on Sunday when someone opened fire.",
                            title="Five Children Shot In North Tulsa Drive-By", published=MONDAY)
    assert [(i.location, i.injuries) for i in extract_incidents([art])] == [("Tulsa", 5)]


def test_a_sentence_goes_on_after_p_m_in_lower_case():
    # "5 p.m. when he ..." is one sentence: the shooting is its main clause's, dated Saturday.
    inc = only(["WARREN, Ohio — A Warren man sustained minor injuries Saturday at about 5 p.m. when he "
                "accidentally shot himself in the thigh while cleaning his gun, according to a police report."])
    assert (inc.event_date, inc.injuries) == (date(2016, 2, 13), 1)


def test_an_age_after_a_person_and_a_comma_is_no_count_unless_people_follow():
    from geo.events.casualties import figures
    assert figures("Teen shoots, kills man, 18 Jose Ruiz fatally wounded inside a home") == []
    assert ("fatalities", 2, None, False) in figures("Mother, 2 Children Found Dead In Tulsa Home")


def test_a_citys_count_for_a_year_is_no_events_figure():
    from geo.events.casualties import figures
    assert figures("According to police, there were 762 murders, 3,550 shooting incidents and 4,331 shooting "
                   "victims in 2016.") == []
    assert figures("At least 70 people have been killed this year in the city.") == []
    assert figures("Two men were killed in 2016 when a gunman opened fire.") == [("fatalities", 2, None, False)]


def test_a_death_told_sentences_after_the_shooting_is_the_victims():
    inc = only(["Police in Crossville said a 7-year-old boy was shot in a parking lot on Monday afternoon. Officers "
                "found the boy bleeding in a parking lot on Main Street. The child was flown to a Knoxville hospital. "
                "Police later confirmed that the boy had died."])
    assert (inc.fatalities, inc.injuries) == (1, 0)


@pytest.mark.parametrize("one, two", [
    # a county and a town in it, one day, one toll; other tolls are two events
    (("A shooting on Friday in Kerr County, Texas, killed two people, the sheriff said.",
      "Two people were killed in a shooting on Friday in Kerrville, Texas, police said."),
     ("A shooting on Friday in Kerr County, Texas, killed two people, the sheriff said.",
      "Five people were wounded in a shooting on Friday in Kerrville, Texas, police said.")),
    # one victim each, no street: the ages tell them apart
    (("DETROIT — A 17-year-old boy was shot and wounded Sunday night, Detroit police said.",
      "A boy, 17, was wounded in a shooting in Detroit on Sunday night."),
     ("DETROIT — A 17-year-old boy was shot and wounded Sunday night, Detroit police said.",
      "DETROIT — Police said a 9-year-old accidentally shot himself Sunday night and was wounded.")),
    # times of day hours apart are two events; a page's stamp is no time of its event
    (("DETROIT — A man was shot and wounded about 9 p.m. Sunday, Detroit police said.",
      "DETROIT — Police said a man was wounded in a shooting at 9:30 p.m. Sunday. Posted: Monday 6:01 AM EDT"),
     ("DETROIT — A man was shot and wounded about 6:15 a.m. Sunday, Detroit police said.",
      "DETROIT — Police said a man was wounded in a shooting at 9:30 p.m. Sunday.")),
    # one street written two ways is one place; two blocks of two streets stay two
    (("CHICAGO — A 7-year-old boy was shot Sunday in the 6700 block of S. Aberdeen St., police said.",
      "A boy, 7, was shot Sunday on South Aberdeen Street in Chicago, police said."),
     ("CHICAGO — A man was shot Sunday in the 6900 block of South Stewart, police said.",
      "CHICAGO — A man was shot Sunday in the 900 block of West 96th Street, police said.")),
    # the age of a suspect is not the victim's
    (("DETROIT — A 17-year-old boy was shot and killed Sunday night, Detroit police said.",
      "Willie Jackson, 18, is charged with murder in the shooting death of a boy in Detroit on Sunday night."),
     ("DETROIT — A 17-year-old boy was shot and killed Sunday night, Detroit police said.",
      "DETROIT — Police said a 9-year-old boy was shot and killed Sunday night.")),
    # a gun battle one outlet tells and a shooting another tells: one event; another day's is another
    (("OAKLAND — Eight people were wounded in a gun battle between two groups at a party in Oakland on Sunday night.",
      "Eight people were shot and wounded at a party in Oakland on Sunday night, police said."),
     ("OAKLAND — Eight people were wounded in a gun battle between two groups at a party in Oakland on Sunday night.",
      "Eight people were shot and wounded at a party in Oakland last Wednesday night, police said.")),
    # a day apart: one victim in a small town is one event; in a city, one person shot each day is two
    (("Police said a man was shot and wounded late Saturday night in Olivehurst, Calif.",
      "OLIVEHURST, Calif. — A man was wounded in a shooting early Sunday, deputies said."),
     ("A football player was shot in South Richmond, Va., early Wednesday and is expected to survive.",
      "RICHMOND, Va. — Police are searching for a shooter after a teenage boy was found shot Thursday.")),
], ids=["county-and-town", "ages", "times", "streets", "suspect-age", "battle-and-shooting", "day-apart"])
def test_two_stories_of_one_event_merge_and_of_two_events_stay_two(one, two):
    merged = only(list(one))
    assert len(merged.sources) == 2
    assert len(incidents(*two)) == 2


def test_a_story_that_names_no_town_is_placed_where_its_outlet_is_based():
    from geo.pipeline import incidents_of

    # Three stories of one paper say where it is (Alexandria, Louisiana); the fourth names no town.
    texts = ["A fire in Alexandria, La., and in Pineville destroyed two homes.", "The Pineville council met on Monday.",
             "Alexandria, La., mourns a teacher.",
             "A teenager was shot and wounded outside a store on Sunday night, deputies said."]
    arts = [Article.from_text(t, article_id=f"t{i}", published=MONDAY, outlet="The Town Talk") for i, t in enumerate(texts)]
    _, found = incidents_of(arts)
    assert [(i.location, i.admin1, i.geo_precision, i.injuries) for i in found] == [("Alexandria", "Louisiana", 2, 1)]
    assert "placed where its outlet is based" in found[0].notes
    # Alone, its outlet's home unknown, the story gives no incident.
    assert incidents_of(arts[3:])[1] == []
