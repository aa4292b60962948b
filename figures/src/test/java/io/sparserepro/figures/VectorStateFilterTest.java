package io.sparserepro.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vector export drops only the stroke, font and colour settings that change nothing. */
class VectorStateFilterTest {
    private static List<Command<?>> filtered(VectorGraphics2D g) {
        List<Command<?>> out = new ArrayList<>();
        FigureRendering.withoutRepeatedState(g.getCommands()).forEach(out::add);
        return out;
    }

    private static long count(List<Command<?>> commands, Class<?> type) {
        return commands.stream().filter(type::isInstance).count();
    }

    @Test
    void repeatedSettingsGoAndChangesStay() {
        VectorGraphics2D g = new VectorGraphics2D();
        for (int i = 0; i < 5; i++) {
            g.setStroke(new BasicStroke(2f));
            g.setColor(Color.RED);
            g.draw(new Line2D.Double(0, i, 10, i));
        }
        g.setColor(Color.BLUE);
        g.draw(new Line2D.Double(0, 0, 1, 1));
        List<Command<?>> out = filtered(g);
        // A new VectorGraphics2D starts with its defaults (black, the default stroke), then ours.
        assertEquals(2, count(out, SetStrokeCommand.class), "default, then 2 px once");
        assertEquals(3, count(out, SetColorCommand.class), "default black, red once, then blue");
    }

    @Test
    void aSettingAfterANestedGraphicsIsKeptWhenTheNestingHadChangedIt() {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(Color.RED);
        g.draw(new Line2D.Double(0, 0, 1, 1));
        Graphics2D child = (Graphics2D) g.create();
        child.setColor(Color.GREEN);
        child.draw(new Line2D.Double(0, 0, 1, 1));
        child.dispose();
        g.setColor(Color.RED); // the state is red again after dispose: repeated, dropped
        g.draw(new Line2D.Double(0, 0, 2, 2));
        g.setColor(Color.GREEN); // a change for the outer state: kept
        g.draw(new Line2D.Double(0, 0, 3, 3));
        List<Command<?>> out = filtered(g);
        assertEquals(4, count(out, SetColorCommand.class), "default black, red, green (child), green (outer)");
    }
}
