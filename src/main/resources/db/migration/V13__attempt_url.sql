-- Where each attempt went and in which wire format. An attempt goes to its endpoint's URL of the moment, in its
-- format of the moment, so a URL fixed while deliveries wait for a retry takes them along, and the history shows the
-- body as it was sent even after the format changed. Attempts recorded earlier have neither (null).
alter table delivery_attempt add column url varchar(2048);
alter table delivery_attempt add column wire_format varchar(32);
