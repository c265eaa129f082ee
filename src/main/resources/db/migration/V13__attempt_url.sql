-- Where each attempt went. An attempt goes to its endpoint's URL of the moment, like its format and secret, so a URL
-- fixed while deliveries wait for a retry takes them along; older attempts keep no URL (null).
alter table delivery_attempt add column url varchar(2048);
