package dev.ferry.it;

import java.sql.Connection;

/** An H2 trigger implemented by a class: it marks each inserted row's second column {@code fired}. */
public class MarkTrigger implements org.h2.api.Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        newRow[1] = "fired";
    }
}
