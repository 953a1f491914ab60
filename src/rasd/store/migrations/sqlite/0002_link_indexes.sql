-- Version 2: indexes for finding an event's candidate incidents by place name or gazetteer id.
CREATE INDEX events_type_place ON events(event_type, place_key);
CREATE INDEX events_gazetteer ON events(gazetteer_id);
