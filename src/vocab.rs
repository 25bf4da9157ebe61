//! Every IRI the exports use, one module per vocabulary (like `oxrdf::vocab`).
//!
//! A test checks that every `ng:` term here is declared in `ontology/newsgraph.ttl`.

/// The newsgraph ontology, `https://w3id.org/newsgraph/ontology#` (prefix `ng:`).
pub mod ng {
    use crate::data::{EntityType, EventType, Predicate};
    use crate::graph::EdgeKind;

    pub const NS: &str = "https://w3id.org/newsgraph/ontology#";
    pub const PERSON: &str = "https://w3id.org/newsgraph/ontology#Person";
    pub const COUNTRY: &str = "https://w3id.org/newsgraph/ontology#Country";
    pub const ORGANISATION: &str = "https://w3id.org/newsgraph/ontology#Organisation";
    pub const PLACE: &str = "https://w3id.org/newsgraph/ontology#Place";
    pub const EVENT: &str = "https://w3id.org/newsgraph/ontology#Event";
    pub const STATEMENT: &str = "https://w3id.org/newsgraph/ontology#Statement";
    pub const DOCUMENT: &str = "https://w3id.org/newsgraph/ontology#Document";
    pub const ASSERTION: &str = "https://w3id.org/newsgraph/ontology#Assertion";
    pub const SUBTYPE: &str = "https://w3id.org/newsgraph/ontology#subtype";
    pub const EVENT_TYPE: &str = "https://w3id.org/newsgraph/ontology#eventType";
    pub const DATE: &str = "https://w3id.org/newsgraph/ontology#date";
    pub const KILLED: &str = "https://w3id.org/newsgraph/ontology#killed";
    pub const INJURED: &str = "https://w3id.org/newsgraph/ontology#injured";
    pub const COUNT: &str = "https://w3id.org/newsgraph/ontology#count";
    pub const LAUNCHED: &str = "https://w3id.org/newsgraph/ontology#launched";
    pub const AMOUNT: &str = "https://w3id.org/newsgraph/ontology#amount";
    pub const TEXT: &str = "https://w3id.org/newsgraph/ontology#text";
    pub const QUOTED: &str = "https://w3id.org/newsgraph/ontology#quoted";
    pub const AGENT: &str = "https://w3id.org/newsgraph/ontology#agent";
    pub const TARGET: &str = "https://w3id.org/newsgraph/ontology#target";
    pub const PLACE_ROLE: &str = "https://w3id.org/newsgraph/ontology#place";
    pub const ROLE: &str = "https://w3id.org/newsgraph/ontology#role";
    pub const EVIDENCE: &str = "https://w3id.org/newsgraph/ontology#evidence";
    pub const START: &str = "https://w3id.org/newsgraph/ontology#start";
    pub const END: &str = "https://w3id.org/newsgraph/ontology#end";
    pub const RULE: &str = "https://w3id.org/newsgraph/ontology#rule";
    pub const CONFIDENCE: &str = "https://w3id.org/newsgraph/ontology#confidence";
    pub const MENTIONS: &str = "https://w3id.org/newsgraph/ontology#mentions";
    pub const GEONAMES_ID: &str = "https://w3id.org/newsgraph/ontology#geonamesId";
    pub const COUNTRY_CODE: &str = "https://w3id.org/newsgraph/ontology#countryCode";
    pub const PATH: &str = "https://w3id.org/newsgraph/ontology#path";
    pub const ENTITY: &str = "https://w3id.org/newsgraph/ontology#Entity";
    // Event classes, one per event type.
    pub const ATTACK_EVENT: &str = "https://w3id.org/newsgraph/ontology#AttackEvent";
    pub const CAPTURE_EVENT: &str = "https://w3id.org/newsgraph/ontology#CaptureEvent";
    pub const INTERCEPTION_EVENT: &str = "https://w3id.org/newsgraph/ontology#InterceptionEvent";
    pub const CASUALTY_EVENT: &str = "https://w3id.org/newsgraph/ontology#CasualtyEvent";
    pub const SANCTION_EVENT: &str = "https://w3id.org/newsgraph/ontology#SanctionEvent";
    pub const AID_EVENT: &str = "https://w3id.org/newsgraph/ontology#AidEvent";
    pub const DEPLOYMENT_EVENT: &str = "https://w3id.org/newsgraph/ontology#DeploymentEvent";
    pub const DIPLOMACY_EVENT: &str = "https://w3id.org/newsgraph/ontology#DiplomacyEvent";
    pub const STATEMENT_EVENT: &str = "https://w3id.org/newsgraph/ontology#StatementEvent";
    pub const OTHER_EVENT: &str = "https://w3id.org/newsgraph/ontology#OtherEvent";
    // Relations of the core vocabulary.
    pub const SAID: &str = "https://w3id.org/newsgraph/ontology#said";
    pub const ATTACKED: &str = "https://w3id.org/newsgraph/ontology#attacked";
    pub const CAPTURED: &str = "https://w3id.org/newsgraph/ontology#captured";
    pub const SANCTIONED: &str = "https://w3id.org/newsgraph/ontology#sanctioned";
    pub const SUMMONED: &str = "https://w3id.org/newsgraph/ontology#summoned";
    pub const DEPLOYED_TO: &str = "https://w3id.org/newsgraph/ontology#deployed_to";
    pub const AIDED: &str = "https://w3id.org/newsgraph/ontology#aided";
    pub const CONGRATULATED: &str = "https://w3id.org/newsgraph/ontology#congratulated";
    pub const MET: &str = "https://w3id.org/newsgraph/ontology#met";
    pub const CRITICISED: &str = "https://w3id.org/newsgraph/ontology#criticised";
    pub const ACCUSED: &str = "https://w3id.org/newsgraph/ontology#accused";
    pub const NEGOTIATED_WITH: &str = "https://w3id.org/newsgraph/ontology#negotiated_with";
    pub const LOCATED_IN: &str = "https://w3id.org/newsgraph/ontology#located_in";
    pub const ROLE_IN: &str = "https://w3id.org/newsgraph/ontology#role_in";
    pub const PART_OF: &str = "https://w3id.org/newsgraph/ontology#part_of";
    pub const BASED_IN: &str = "https://w3id.org/newsgraph/ontology#based_in";
    pub const MEMBER_OF: &str = "https://w3id.org/newsgraph/ontology#member_of";

    /// The IRI of a relation of the core vocabulary.
    pub fn predicate(p: Predicate) -> &'static str {
        match p {
            Predicate::Said => SAID,
            Predicate::Attacked => ATTACKED,
            Predicate::Captured => CAPTURED,
            Predicate::Sanctioned => SANCTIONED,
            Predicate::Summoned => SUMMONED,
            Predicate::DeployedTo => DEPLOYED_TO,
            Predicate::Aided => AIDED,
            Predicate::Congratulated => CONGRATULATED,
            Predicate::Met => MET,
            Predicate::Criticised => CRITICISED,
            Predicate::Accused => ACCUSED,
            Predicate::NegotiatedWith => NEGOTIATED_WITH,
            Predicate::LocatedIn => LOCATED_IN,
            Predicate::RoleIn => ROLE_IN,
            Predicate::PartOf => PART_OF,
            Predicate::BasedIn => BASED_IN,
            Predicate::MemberOf => MEMBER_OF,
        }
    }

    /// The class of an event type.
    pub fn event_class(t: EventType) -> &'static str {
        match t {
            EventType::Attack => ATTACK_EVENT,
            EventType::Capture => CAPTURE_EVENT,
            EventType::Interception => INTERCEPTION_EVENT,
            EventType::Casualty => CASUALTY_EVENT,
            EventType::Sanction => SANCTION_EVENT,
            EventType::Aid => AID_EVENT,
            EventType::Deployment => DEPLOYMENT_EVENT,
            EventType::Diplomacy => DIPLOMACY_EVENT,
            EventType::Statement => STATEMENT_EVENT,
            EventType::Other => OTHER_EVENT,
        }
    }

    /// The IRI of an edge kind: a relation or an event role.
    pub fn edge(kind: EdgeKind) -> &'static str {
        match kind {
            EdgeKind::Relation(p) => predicate(p),
            EdgeKind::Agent => AGENT,
            EdgeKind::Target => TARGET,
            EdgeKind::Place => PLACE_ROLE,
        }
    }

    /// The class of an entity type.
    pub fn entity_class(t: EntityType) -> &'static str {
        match t {
            EntityType::Person => PERSON,
            EntityType::Country => COUNTRY,
            EntityType::Organisation => ORGANISATION,
            EntityType::Place => PLACE,
        }
    }
}

pub mod rdf {
    pub const NS: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    pub const TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    pub const STATEMENT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
    pub const SUBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
    pub const PREDICATE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
    pub const OBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
}

pub mod rdfs {
    pub const NS: &str = "http://www.w3.org/2000/01/rdf-schema#";
    pub const LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
    pub const COMMENT: &str = "http://www.w3.org/2000/01/rdf-schema#comment";
}

pub mod skos {
    pub const NS: &str = "http://www.w3.org/2004/02/skos/core#";
    pub const ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
}

pub mod owl {
    pub const NS: &str = "http://www.w3.org/2002/07/owl#";
    pub const SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
}

pub mod xsd {
    pub const NS: &str = "http://www.w3.org/2001/XMLSchema#";
    pub const DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
    pub const INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
    pub const DECIMAL: &str = "http://www.w3.org/2001/XMLSchema#decimal";
    pub const DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";
    pub const BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
}

pub mod prov {
    pub const NS: &str = "http://www.w3.org/ns/prov#";
    pub const WAS_DERIVED_FROM: &str = "http://www.w3.org/ns/prov#wasDerivedFrom";
}

/// schema.org, for class alignments in the ontology.
pub mod schema {
    pub const NS: &str = "https://schema.org/";
}

/// SHACL, for the shapes.
pub mod sh {
    pub const NS: &str = "http://www.w3.org/ns/shacl#";
}

pub mod sem {
    pub const NS: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    pub const HAS_ACTOR: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor";
    pub const HAS_PLACE: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace";
    pub const HAS_TIME_STAMP: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp";
}

pub mod wgs84 {
    pub const NS: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#";
    pub const LAT: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#lat";
    pub const LONG: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#long";
}

/// Linked-data identifiers of external sources.
pub mod external {
    pub const WIKIDATA_ENTITY: &str = "http://www.wikidata.org/entity/";
    pub const GEONAMES: &str = "https://sws.geonames.org/";
}

/// The default base for minted IRIs.
pub const DEFAULT_BASE_IRI: &str = "https://w3id.org/newsgraph/id/";

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{NamedNodeRef, Term};
    use std::collections::BTreeSet;

    /// Every `ng:` IRI of this module, constants and mapped terms.
    fn ng_iris() -> BTreeSet<String> {
        let source = include_str!("vocab.rs");
        let mut iris: BTreeSet<String> =
            source.split('"').filter(|s| s.starts_with(ng::NS) && s.len() > ng::NS.len()).map(str::to_owned).collect();
        for p in crate::data::Predicate::ALL {
            iris.insert(ng::predicate(p).to_owned());
        }
        for t in crate::data::EventType::ALL {
            iris.insert(ng::event_class(t).to_owned());
        }
        iris
    }

    #[test]
    fn every_ng_iri_is_declared_in_the_ontology() {
        let ontology = include_str!("../ontology/newsgraph.ttl");
        let mut declared = BTreeSet::new();
        let mut labelled = BTreeSet::new();
        let mut commented = BTreeSet::new();
        for t in oxttl::TurtleParser::new().for_slice(ontology.as_bytes()) {
            let t = t.expect("ontology/newsgraph.ttl parses");
            let subject = t.subject.to_string();
            let subject = subject.trim_start_matches('<').trim_end_matches('>').to_owned();
            if t.predicate.as_str() == rdf::TYPE {
                if let Term::NamedNode(class) = &t.object {
                    let class = class.as_str();
                    if class.starts_with(owl::NS) || class == "http://www.w3.org/2000/01/rdf-schema#Class" {
                        declared.insert(subject.clone());
                    }
                }
            }
            if t.predicate.as_ref() == NamedNodeRef::new_unchecked(rdfs::LABEL) {
                labelled.insert(subject.clone());
            }
            if t.predicate.as_ref() == NamedNodeRef::new_unchecked(rdfs::COMMENT) {
                commented.insert(subject);
            }
        }
        let iris = ng_iris();
        assert!(iris.len() > 50, "found only {} ng: IRIs", iris.len());
        for iri in &iris {
            assert!(declared.contains(iri), "{iri} is used in vocab.rs but not declared in ontology/newsgraph.ttl");
            assert!(labelled.contains(iri), "{iri} has no rdfs:label in ontology/newsgraph.ttl");
            assert!(commented.contains(iri), "{iri} has no rdfs:comment in ontology/newsgraph.ttl");
        }
    }
}
