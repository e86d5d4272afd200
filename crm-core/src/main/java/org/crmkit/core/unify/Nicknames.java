package org.crmkit.core.unify;

import java.util.HashMap;
import java.util.Map;

/** Common English nicknames and the given names they stand for, in lower-case letters. */
final class Nicknames {
    /** Nickname to given name; ambiguous ones (Pat, Sam, Alex, Chris) map to the more common name. */
    static final Map<String, String> ENGLISH = table(
            "abby abigail", "al albert", "alex alexander", "andy andrew", "annie ann", "bart bartholomew",
            "becky rebecca", "ben benjamin", "bernie bernard", "beth elizabeth", "betty elizabeth", "bill william",
            "billy william", "bob robert", "bobby robert", "cathy catherine", "charlie charles", "chris christopher",
            "chuck charles", "dan daniel", "danny daniel", "dave david", "debbie deborah", "dick richard",
            "don donald", "ed edward", "eddie edward", "fred frederick", "greg gregory", "hank henry",
            "harry henry", "jack john", "jake jacob", "jen jennifer", "jenny jennifer", "jim james",
            "jimmy james", "joe joseph", "johnny john", "jon jonathan", "kate katherine", "katie katherine",
            "ken kenneth", "kim kimberly", "larry lawrence", "liz elizabeth", "maggie margaret", "matt matthew",
            "meg margaret", "mike michael", "mick michael", "nate nathan", "nick nicholas", "pam pamela",
            "pat patricia", "peggy margaret", "pete peter", "phil philip", "rick richard", "rob robert",
            "ron ronald", "sam samuel", "sandy sandra", "steve steven", "sue susan", "ted edward",
            "tim timothy", "tom thomas", "tommy thomas", "tony anthony", "vicky victoria", "will william");

    private Nicknames() {
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> out = new HashMap<>();
        for (String p : pairs) {
            String[] two = p.split(" ");
            out.put(two[0], two[1]);
        }
        return Map.copyOf(out);
    }
}
