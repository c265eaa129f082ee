package io.hookline.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run as a PNG: deliveries received per second over time (Hookline and floor), and latency percentiles. */
final class Chart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 820;
    private static final Color HOOKLINE = new Color(31, 119, 180);
    private static final Color FLOOR = new Color(255, 127, 14);

    private Chart() {
    }

    /** {@code latencies}: label to {p50, p95, p99, target} in milliseconds. */
    static void write(Report report, Map<String, double[]> latencies, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Hookline benchmark: webhooks received per second (Hookline vs floor), and commit-to-receipt latency", 20, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(report.machineLine(), 20, 46);
        throughput(g, report, 70, 80, WIDTH - 100, 420);
        latency(g, latencies, 70, 570, WIDTH - 100, 200);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void throughput(Graphics2D g, Report report, int x, int y, int w, int h) {
        List<Report.Second> seconds = report.timeline;
        int last = seconds.isEmpty() ? 1 : seconds.get(seconds.size() - 1).second() + 1;
        long max = Math.max(1, seconds.stream().mapToLong(s -> Math.max(s.hookline(), s.floor())).max().orElse(1));
        max = niceCeiling(max);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        boolean shade = false;
        for (Report.Band band : report.bands) {
            int from = x + (int) ((long) band.from() * w / last);
            int to = x + (int) ((long) band.to() * w / last);
            g.setColor(shade ? new Color(238, 238, 238) : new Color(248, 248, 248));
            g.fillRect(from, y, Math.max(1, to - from), h);
            g.setColor(Color.DARK_GRAY);
            drawVertical(g, band.name(), from + 12, y + 6);
            shade = !shade;
        }
        axes(g, x, y, w, h, max, "received/s", "seconds since start (of " + last + ")");
        series(g, seconds, true, x, y, w, h, last, max, HOOKLINE);
        series(g, seconds, false, x, y, w, h, last, max, FLOOR);
        g.setColor(HOOKLINE);
        g.fillRect(x + w - 220, y + 10, 14, 4);
        g.setColor(FLOOR);
        g.fillRect(x + w - 110, y + 10, 14, 4);
        g.setColor(Color.BLACK);
        g.drawString("Hookline", x + w - 200, y + 16);
        g.drawString("floor", x + w - 90, y + 16);
    }

    private static void series(Graphics2D g, List<Report.Second> seconds, boolean hookline, int x, int y, int w, int h,
                               int last, long max, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.6f));
        int px = -1;
        int py = -1;
        for (Report.Second s : seconds) {
            long value = hookline ? s.hookline() : s.floor();
            int cx = x + (int) ((long) s.second() * w / last);
            int cy = y + h - (int) (value * h / max);
            if (px >= 0 && (value > 0 || py < y + h)) {
                g.drawLine(px, py, cx, cy);
            }
            px = cx;
            py = cy;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void latency(Graphics2D g, Map<String, double[]> latencies, int x, int y, int w, int h) {
        double max = latencies.values().stream().flatMapToDouble(Arrays::stream).filter(Double::isFinite).max().orElse(1);
        long top = niceCeiling((long) Math.ceil(max));
        axes(g, x, y, w, h, top, "ms", "commit-to-receipt latency: p50 / p95 / p99 (dashed: target p99)");
        String[] names = {"p50", "p95", "p99"};
        Color[] shades = {new Color(158, 202, 225), new Color(66, 146, 198), new Color(8, 69, 148)};
        int group = w / Math.max(1, latencies.size());
        int i = 0;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (Map.Entry<String, double[]> entry : latencies.entrySet()) {
            int gx = x + i++ * group + group / 6;
            int bar = group / 6;
            for (int p = 0; p < 3; p++) {
                double value = entry.getValue()[p];
                int bh = Double.isFinite(value) ? (int) Math.min(h, value * h / top) : h;
                g.setColor(shades[p]);
                g.fillRect(gx + p * (bar + 6), y + h - bh, bar, bh);
                g.setColor(Color.BLACK);
                String label = Double.isFinite(value) ? String.format(Locale.ROOT, "%.0f", value) : "never";
                g.drawString(names[p] + " " + label, gx + p * (bar + 6), y + h - bh - 4);
            }
            int ty = y + h - (int) Math.min(h, entry.getValue()[3] * h / top);
            g.setColor(Color.RED);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            g.drawLine(gx - 10, ty, gx + 3 * (bar + 6) + 4, ty);
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), gx, y + h + 16);
        }
    }

    private static void axes(Graphics2D g, int x, int y, int w, int h, long max, String yLabel, String xLabel) {
        g.setColor(Color.BLACK);
        g.drawLine(x, y + h, x + w, y + h);
        g.drawLine(x, y, x, y + h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int tick = 0; tick <= 4; tick++) {
            int ty = y + h - tick * h / 4;
            g.setColor(new Color(220, 220, 220));
            g.drawLine(x + 1, ty, x + w, ty);
            g.setColor(Color.BLACK);
            g.drawString(String.valueOf(max * tick / 4), x - 45, ty + 4);
        }
        g.drawString(yLabel, x - 60, y - 6);
        g.drawString(xLabel, x + w / 2 - 120, y + h + 32);
    }

    private static void drawVertical(Graphics2D g, String text, int x, int y) {
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.translate(x, y);
        rotated.rotate(Math.PI / 2);
        rotated.drawString(text, 0, 0);
        rotated.dispose();
    }

    private static long niceCeiling(long value) {
        if (value <= 1) {
            return 1;
        }
        long step = 1;
        while (step * 10 < value) {
            step *= 10;
        }
        long nice = step;
        while (nice < value) {
            nice += step / 2 == 0 ? 1 : step / 2;
        }
        return nice;
    }
}
