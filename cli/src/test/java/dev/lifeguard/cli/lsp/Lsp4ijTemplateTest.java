package dev.lifeguard.cli.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeguard.cli.RepositoryFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LSP4IJ template starts {@code lifeguard lsp} for every file type the server lints, in LSP4IJ's format. */
class Lsp4ijTemplateTest {

    @Test
    void templateRunsTheLanguageServerOnMigrationFileTypes() throws Exception {
        Path template = RepositoryFiles.root().resolve("editors/lsp4ij/lifeguard/template.json");
        JsonNode json = new ObjectMapper().readTree(template.toFile());
        assertEquals("lifeguard", json.path("id").asText());
        assertEquals("Lifeguard", json.path("name").asText());
        assertEquals("lifeguard lsp", json.path("programArgs").path("default").asText());

        Set<String> extensions = new TreeSet<>();
        List<String> languageIds = new ArrayList<>();
        for (JsonNode mapping : json.path("fileTypeMappings")) {
            languageIds.add(mapping.path("languageId").asText());
            for (JsonNode pattern : mapping.path("fileType").path("patterns")) {
                assertTrue(pattern.asText().startsWith("*."), pattern.asText());
                extensions.add(pattern.asText().substring(2));
            }
        }
        assertEquals(new TreeSet<>(Workspace.EXTENSIONS), extensions);
        assertEquals(List.of("sql", "xml", "yaml", "json"), languageIds);
    }

    @Test
    void editorsPageDocumentsTheTemplateAndTheCommand() throws Exception {
        String page = java.nio.file.Files.readString(RepositoryFiles.root().resolve("docs/editors.md"));
        assertTrue(page.contains("editors/lsp4ij/lifeguard"));
        assertTrue(page.contains("\"glspc.server.command\": \"lifeguard\""));
        assertTrue(NeovimTest.snippet().contains("cmd = { \"lifeguard\", \"lsp\" }"));
    }

    @Test
    void readmeCarriesTheSameSnippets() throws Exception {
        String readme = java.nio.file.Files.readString(RepositoryFiles.root().resolve("README.md"));
        assertTrue(readme.contains("```lua\n" + NeovimTest.snippet() + "```"), "README's Neovim snippet is the tested one");
        String page = java.nio.file.Files.readString(RepositoryFiles.root().resolve("docs/editors.md"));
        String vscode = page.substring(page.indexOf("```json\n"), page.indexOf("```\n", page.indexOf("```json\n")));
        assertTrue(readme.contains(vscode), "README's VS Code settings are the documented ones");
    }
}
