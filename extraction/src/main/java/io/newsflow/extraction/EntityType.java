package io.newsflow.extraction;

public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }
