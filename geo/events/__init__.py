"""Events: the incidents an article reports, as stages with data flowing one way.

    sentences ─► triggers ─► binding (place, date; storyplace, storydate) ─► classify ─► casualties ─► report
                                                                                                   └► merge (sameness) ─► Incident

Places reach this package as the geoparser's mentions of each article; it never calls the
geoparser itself (:mod:`geo.incidents` wires the two for the pipeline).
"""

from geo.events.extractor import extract_reports
from geo.events.merge import dates_compatible, incident_id, merge_reports, same_event, types_compatible
from geo.events.report import Report
from geo.events.sentences import split_sentences

__all__ = ["Report", "dates_compatible", "extract_reports", "incident_id", "merge_reports", "same_event",
           "split_sentences", "types_compatible"]
