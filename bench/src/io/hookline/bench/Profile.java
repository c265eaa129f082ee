package io.hookline.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plain-text summary of JFR recordings (bench/run --profile): where CPU samples fall (own time by method and by
 * package, time including callees for the application's methods, by thread) and which monitors and parks waited most.
 */
public final class Profile {

    private static final int TOP = 15;

    public static void main(String[] args) throws IOException {
        for (String file : args) {
            if (Files.exists(Path.of(file))) {
                summarise(Path.of(file));
            }
        }
    }

    private static void summarise(Path file) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> monitors = new HashMap<>();
        Map<String, Long> parks = new HashMap<>();
        Map<String, Long> socketReads = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (type.equals("jdk.ExecutionSample") && stack != null && !stack.getFrames().isEmpty()) {
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(method(frames.get(0)), 1L, Long::sum);
                packages.merge(packageOf(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = method(frame);
                    if (method.startsWith("io.hookline") && seen.add(method)) {
                        inclusive.merge(method, 1L, Long::sum);
                    }
                }
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("[-#\\s]*\\d+$", ""), 1L, Long::sum);
            } else if (type.equals("jdk.JavaMonitorEnter")) {
                monitors.merge(event.getClass("monitorClass").getName(), event.getDuration().toMillis(), Long::sum);
            } else if (type.equals("jdk.SocketRead") && stack != null) {
                socketReads.merge(event.getString("host") + ":" + event.getInt("port") + " <- " + firstHooklineFrame(stack),
                        event.getDuration().toMillis(), Long::sum);
            } else if (type.equals("jdk.ThreadPark") && stack != null && stack.getFrames().size() > 1) {
                parks.merge(firstApplicationFrame(stack), event.getDuration().toMillis(), Long::sum);
            }
        }
        System.out.println("### " + file + ": " + samples + " CPU samples");
        print("own time by method (samples)", self, samples);
        print("own time by package (samples)", packages, samples);
        print("time including callees, Hookline methods (samples)", inclusive, samples);
        print("CPU samples by thread", threads, samples);
        print("blocked on monitor enter, by monitor class (ms)", monitors, 0);
        print("socket reads (waiting for a reply), by peer and Hookline caller (ms)", socketReads, 0);
        print("parked, by first frame outside java.util.concurrent (ms)", parks, 0);
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String packageOf(RecordedFrame frame) {
        String[] parts = frame.getMethod().getType().getName().split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    private static String firstHooklineFrame(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.getMethod().getType().getName().startsWith("io.hookline") && !method(frame).contains("$Proxy$")) {
                return method(frame);
            }
        }
        return "(not Hookline code)";
    }

    private static String firstApplicationFrame(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.util.concurrent") && !type.startsWith("jdk.internal.misc")) {
                return method(frame);
            }
        }
        return "?";
    }

    private static void print(String title, Map<String, Long> counts, long total) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> System.out.printf("%8d %6s  %s%n", e.getValue(),
                        total > 0 ? String.format("%.1f%%", 100.0 * e.getValue() / total) : "", e.getKey()));
        System.out.println();
    }
}
