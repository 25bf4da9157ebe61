//! Every IRI the exports use, one module per vocabulary (like `oxrdf::vocab`).
//!
//! A test checks that every `ng:` term here is declared in `ontology/newsgraph.ttl`.

/// The newsgraph ontology, `https://w3id.org/newsgraph/ontology#` (prefix `ng:`).
pub mod ng {
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
