package org.crmkit.segmentation.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.payment.CardNumbers;

/**
 * Items placed on two dimensions: every pair of labels a cell with its count and members (C8: brand loyalty by
 * usage in a category gives nine cells). Items without a place on either dimension are counted apart. Immutable.
 *
 * @param rows the row dimension's name and labels
 * @param rowLabels the row labels, in order
 * @param columns the column dimension's name
 * @param columnLabels the column labels, in order
 * @param cells every cell, row by row, each label pair once, empty cells included
 * @param unplaced how many items had no place on a dimension
 * @param <T> the items
 */
public record Grid<T>(String rows, List<String> rowLabels, String columns, List<String> columnLabels,
                      List<Cell<T>> cells, int unplaced) {

    /** Copies the lists. */
    public Grid {
        CardNumbers.requireNoCardNumber("rows", Objects.requireNonNull(rows, "rows"));
        CardNumbers.requireNoCardNumber("columns", Objects.requireNonNull(columns, "columns"));
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        cells = List.copyOf(cells);
    }

    /**
     * Places items on two dimensions.
     *
     * @param rows the row dimension
     * @param columns the column dimension
     * @param items the items, in the order members are listed within a cell
     * @param <T> the items
     * @return the grid
     * @throws IllegalArgumentException when a classifier gives a label its dimension does not list
     */
    public static <T> Grid<T> of(Dimension<T> rows, Dimension<T> columns, Collection<? extends T> items) {
        Map<String, Map<String, List<T>>> members = new LinkedHashMap<>();
        for (String r : rows.labels()) {
            Map<String, List<T>> row = new LinkedHashMap<>();
            columns.labels().forEach(c -> row.put(c, new ArrayList<>()));
            members.put(r, row);
        }
        int unplaced = 0;
        for (T item : items) {
            Optional<String> r = rows.classifier().apply(item);
            Optional<String> c = columns.classifier().apply(item);
            if (r.isEmpty() || c.isEmpty()) {
                unplaced++;
                continue;
            }
            Map<String, List<T>> row = members.get(r.get());
            if (row == null || !row.containsKey(c.get())) {
                throw new IllegalArgumentException("label not on its dimension: " + (row == null
                        ? rows.name() + "=" + r.get() : columns.name() + "=" + c.get()));
            }
            row.get(c.get()).add(item);
        }
        List<Cell<T>> cells = new ArrayList<>();
        members.forEach((r, row) -> row.forEach((c, list) -> cells.add(new Cell<>(r, c, list))));
        return new Grid<>(rows.name(), rows.labels(), columns.name(), columns.labels(), cells, unplaced);
    }

    /**
     * One cell.
     *
     * @param row the row label
     * @param column the column label
     * @return the cell
     * @throws IllegalArgumentException when the grid has no such cell
     */
    public Cell<T> cell(String row, String column) {
        return cells.stream().filter(c -> c.row().equals(row) && c.column().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell " + row + " x " + column));
    }

    /**
     * A cell: the items with one row label and one column label.
     *
     * @param row the row label
     * @param column the column label
     * @param members the items in it
     * @param <T> the items
     */
    public record Cell<T>(String row, String column, List<T> members) {
        /** Copies the members. */
        public Cell {
            CardNumbers.requireNoCardNumber("row", Objects.requireNonNull(row, "row"));
            CardNumbers.requireNoCardNumber("column", Objects.requireNonNull(column, "column"));
            members = List.copyOf(members);
        }

        /** {@return how many items the cell holds} */
        public int count() {
            return members.size();
        }
    }
}
